using Parity.Harness.Scenarios;

namespace Parity.Harness.Plots;

/// <summary>What <see cref="CurvePlot"/> draws: the two logged loss curves of one comparison.</summary>
/// <param name="Title">The heading, e.g. <c>"xor-seed-parity — parity"</c> (scenario name and verdict).</param>
/// <param name="HandRolled">The hand-rolled side's logged loss, one per epoch (epoch 0 first).</param>
/// <param name="Torch">PyTorch's logged loss, one per epoch.</param>
/// <param name="Tolerance">The comparison's closeness rule, whose allowance the difference is drawn against.</param>
/// <param name="FirstMismatchEpoch">The first epoch that is not close, or <see langword="null"/> at parity.</param>
internal sealed record CurvePlotInput(
    string Title,
    IReadOnlyList<double> HandRolled,
    IReadOnlyList<double> Torch,
    Tolerance Tolerance,
    int? FirstMismatchEpoch)
{
    /// <summary>How many epochs the longer curve has.</summary>
    public int Epochs => Math.Max(HandRolled.Count, Torch.Count);

    /// <summary>The plot of a comparison, titled "scenario — verdict".</summary>
    public static CurvePlotInput Of(Running.ScenarioResult result) => new(
        $"{result.Scenario.Name} — {Names.Verdict.Of(result.Verdict)}",
        result.HandRolled.Losses,
        result.Reference.Torch.Losses,
        result.Curve.Tolerance,
        result.Curve.FirstMismatchEpoch);
}
