using Parity.HandRolled.Model;

namespace Parity.Harness.Scenarios;

/// <summary>
/// The learning-rate rule. The losses of the MSE family differ only by a constant factor on their gradient, relative
/// to <c>half-sse</c> (0.5·Σ(p − t)², the seed's numpy gradient): <c>mse</c> 2/(N·D), <c>sse</c> 2, <c>half-sse</c> 1,
/// <c>half-mse</c> 1/(N·D), with N the samples in one update and D the outputs. Under SGD, whose step is learning rate ×
/// gradient, such a factor is a learning-rate scale, not a different loss. Adam, AdamW and RMSprop divide the gradient's
/// scale out (their step is m̂/(√v̂ + ε)): for them the factor changes nothing but ε's weight, and no learning rate
/// makes up for it. L1, smooth L1 and the classification losses have no such factor.
/// </summary>
internal static class GradientScale
{
    /// <summary>The factor of <paramref name="loss"/>'s gradient over half-SSE's, or null outside the MSE family.</summary>
    public static double? Of(Loss loss, int perUpdate, int outputs) => loss switch
    {
        Loss.Mse => 2.0 / (perUpdate * outputs),
        Loss.Sse => 2.0,
        Loss.HalfSse => 1.0,
        Loss.HalfMse => 1.0 / (perUpdate * outputs),
        _ => null,
    };

    /// <summary>
    /// The factor for a side as it trains in the scenario (its loss, its batches); null outside the MSE family, and for a
    /// mean over batches of unequal sizes (a partial last batch), whose factor changes from one update to the next.
    /// </summary>
    public static double? Of(SideSpec side, Scenario scenario)
    {
        var perUpdate = PerUpdate(side, scenario);
        var outputs = scenario.Network.Layers[^1];
        return perUpdate is { } n ? Of(side.Loss, n, outputs) : side.Loss is Loss.Sse or Loss.HalfSse ? Of(side.Loss, 1, outputs) : null;
    }

    /// <summary>Whether the side's optimiser divides the gradient's scale out: Adam, AdamW, RMSprop.</summary>
    public static bool ScaleFree(SideSpec side) => side.Optimizer.Kind is OptimizerKind.Adam or OptimizerKind.AdamW or OptimizerKind.RmsProp;

    /// <summary>
    /// The step a side takes per unit of half-SSE gradient: learning rate × factor under SGD; the bare learning rate for
    /// a scale-free optimiser or a loss outside the family (comparable only between sides that optimise the same loss).
    /// </summary>
    public static double EffectiveStep(SideSpec side, Scenario scenario) =>
        side.LearningRate * (ScaleFree(side) ? 1.0 : Of(side, scenario) ?? 1.0);

    /// <summary>N, the samples every update sees: all of them (full batch), one (per sample), the batch size — or null when the batches differ in size.</summary>
    public static int? PerUpdate(SideSpec side, Scenario scenario)
    {
        var rows = scenario.Data.Count;
        return side.Batch switch
        {
            BatchMode.Full => rows,
            BatchMode.PerSample => 1,
            _ when side.MiniBatch is { } b && (b.DropLast || rows % b.Size == 0) => Math.Min(b.Size, rows),
            _ => null,
        };
    }

    /// <summary>Whether two steps differ beyond the rounding of computing them.</summary>
    public static bool Differ(double a, double b) => Math.Abs(a - b) > 1e-12 * Math.Max(Math.Abs(a), Math.Abs(b));
}
