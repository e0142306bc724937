using Parity.HandRolled.Model;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Explain;

internal static partial class Differences
{
    private static Difference? OfLearningRateScale(Scenario scenario)
    {
        var (hand, torch) = (scenario.HandRolled, scenario.Torch);
        var outputs = scenario.Network.Layers[^1];
        var (gh, gt) = (GradientScale.Of(hand, scenario), GradientScale.Of(torch, scenario));
        var handStep = GradientScale.EffectiveStep(hand, scenario);
        var scaleFree = GradientScale.ScaleFree(hand) || GradientScale.ScaleFree(torch);
        bool differs;
        if (gh is not null && gt is not null && !scaleFree && GradientScale.PerUpdate(hand, scenario) is { } handUpdate)
        {
            // Also once the batches are aligned: the factor of mse depends on how many samples one update sees.
            var onHandBatches = torch.LearningRate * GradientScale.Of(torch.Loss, handUpdate, outputs)!.Value;
            differs = GradientScale.Differ(handStep, GradientScale.EffectiveStep(torch, scenario))
                      || GradientScale.Differ(handStep, onHandBatches);
        }
        else
        {
            differs = GradientScale.Differ(hand.LearningRate, torch.LearningRate);
        }

        if (!differs)
        {
            return null;
        }

        var matching = MatchingRate(scenario, torch);
        string description;
        if (gh is null || gt is null || scaleFree)
        {
            var adaptive = scaleFree ? " (Adam, AdamW and RMSprop divide the loss's scale out: only the learning rates count)" : "";
            description = Text($"PyTorch's learning rate is {torch.LearningRate:G6}, the hand-rolled side's {hand.LearningRate:G6}{adaptive}");
        }
        else if (GradientScale.Differ(handStep, GradientScale.EffectiveStep(torch, scenario)))
        {
            description = Text($"PyTorch's steps are {GradientScale.EffectiveStep(torch, scenario) / handStep:G6} × the hand-rolled side's: {torch.Loss.Name()}'s gradient is {gt.Value / gh.Value:G6} × {hand.Loss.Name()}'s (N·D = {GradientScale.PerUpdate(torch, scenario) * outputs}), at lr {torch.LearningRate:G6} against {hand.LearningRate:G6}; PyTorch lr {matching:G6} would match");
        }
        else
        {
            // The steps agree only because each side's update sees its own number of samples.
            var perUpdate = GradientScale.PerUpdate(hand, scenario)!.Value;
            var onHandBatches = hand.LearningRate * gh.Value / GradientScale.Of(torch.Loss, perUpdate, outputs)!.Value;
            description = Text($"PyTorch's steps match the hand-rolled side's only while the batches differ: with the hand-rolled batches (N·D = {perUpdate * outputs}) PyTorch lr {onHandBatches:G6} would match, not {torch.LearningRate:G6}");
        }

        return new Difference(
            DifferenceKind.LearningRateScale,
            description,
            c => c.WithTorch(c.Torch with { LearningRate = MatchingRate(scenario, c.Torch) }),
            c => Text($"PyTorch lr {c.Torch.LearningRate:G6}"));
    }

    /// <summary>
    /// The learning rate at which PyTorch's side, as it now is, takes the hand-rolled side's steps: hand lr × the
    /// hand-rolled loss's gradient scale ÷ PyTorch's; the hand-rolled lr itself when no constant factor exists.
    /// </summary>
    private static double MatchingRate(Scenario scenario, SideSpec torch)
    {
        var hand = scenario.HandRolled;
        var (gh, gt) = (GradientScale.Of(hand, scenario), GradientScale.Of(torch, scenario));
        return gh is { } h && gt is { } t && !GradientScale.ScaleFree(hand) && !GradientScale.ScaleFree(torch) ? hand.LearningRate * h / t : hand.LearningRate;
    }

    private static Difference? OfDType(Scenario scenario)
    {
        var (hand, torch) = (scenario.HandRolled.DType, scenario.Torch.DType);
        return hand == torch ? null : new Difference(
            DifferenceKind.DType,
            $"PyTorch computes in {torch.Name()}, the hand-rolled side in {hand.Name()}",
            c => c.WithTorch(c.Torch with { DType = hand }),
            c => $"PyTorch in {c.Torch.DType.Name()}");
    }

    private static Difference? OfBatch(Scenario scenario)
    {
        var (hand, torch) = (scenario.HandRolled, scenario.Torch);
        return hand.Batch == torch.Batch && hand.MiniBatch == torch.MiniBatch ? null : new Difference(
            DifferenceKind.Batch,
            $"PyTorch updates {Updates(torch)}, the hand-rolled side {Updates(hand)}",
            c => c.WithTorch(c.Torch with { Batch = hand.Batch, MiniBatch = hand.MiniBatch }),
            c => $"PyTorch updating {Updates(c.Torch)}");
    }

    private static Difference? OfOptimizer(Scenario scenario)
    {
        var (hand, torch) = (scenario.HandRolled.Optimizer, scenario.Torch.Optimizer);
        return hand == torch ? null : new Difference(
            DifferenceKind.Optimizer,
            $"PyTorch's optimiser is {ScenarioOptimizers.Describe(torch)}, the hand-rolled side's {ScenarioOptimizers.Describe(hand)} ({ScenarioOptimizers.Differences(hand, torch)})",
            c => c.WithTorch(c.Torch with { Optimizer = hand }),
            c => $"PyTorch with {ScenarioOptimizers.Describe(c.Torch.Optimizer)}");
    }

    private static Difference? OfSchedule(Scenario scenario)
    {
        var (hand, torch) = (scenario.HandRolled.Schedule, scenario.Torch.Schedule);
        return hand == torch ? null : new Difference(
            DifferenceKind.Schedule,
            $"PyTorch's learning rate {ScenarioSchedules.Describe(torch)}, the hand-rolled side's {ScenarioSchedules.Describe(hand)}",
            c => c.WithTorch(c.Torch with { Schedule = hand }),
            c => $"PyTorch's learning rate {ScenarioSchedules.Describe(c.Torch.Schedule)}");
    }

    private static string Updates(SideSpec side) => side.Batch switch
    {
        BatchMode.Full => "once per epoch (full batch)",
        BatchMode.PerSample => "once per sample",
        _ => Text($"on batches of {side.MiniBatch!.Size} rows, {(side.MiniBatch.Shuffle ? $"shuffled each epoch (seed {side.MiniBatch.Seed})" : "in data order")}, {(side.MiniBatch.DropLast ? "dropping" : "keeping")} a partial last batch"),
    };
}
