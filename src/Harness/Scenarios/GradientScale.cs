using Parity.HandRolled.Model;

namespace Parity.Harness.Scenarios;

/// <summary>
/// The losses of the MSE family differ only by a constant factor on their gradient, relative to <c>half-sse</c>
/// (0.5·Σ(p − t)², the seed's numpy gradient): <c>mse</c> 2/(N·D), <c>sse</c> 2, <c>half-sse</c> 1, <c>half-mse</c>
/// 1/(N·D), with N the samples in one update and D the outputs. Such a factor is a learning-rate scale, not a
/// different loss: SGD's step is learning rate × gradient. L1 and smooth L1 have no such factor.
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

    /// <summary>The factor for a side as it trains in the scenario (its loss, its batch).</summary>
    public static double? Of(SideSpec side, Scenario scenario) =>
        Of(side.Loss, PerUpdate(side.Batch, scenario), scenario.Network.Layers[^1]);

    /// <summary>
    /// The step a side takes per unit of half-SSE gradient, learning rate × factor; for a loss outside the family,
    /// the bare learning rate (comparable only between sides that optimise the same loss).
    /// </summary>
    public static double EffectiveStep(SideSpec side, Scenario scenario) =>
        side.LearningRate * (Of(side, scenario) ?? 1.0);

    /// <summary>N: every sample for a full batch, one per sample.</summary>
    public static int PerUpdate(BatchMode batch, Scenario scenario) => batch == BatchMode.Full ? scenario.Data.Count : 1;

    /// <summary>Whether two steps differ beyond the rounding of computing them.</summary>
    public static bool Differ(double a, double b) => Math.Abs(a - b) > 1e-12 * Math.Max(Math.Abs(a), Math.Abs(b));
}
