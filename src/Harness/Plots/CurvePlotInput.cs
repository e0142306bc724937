namespace Parity.Harness.Plots;

/// <summary>What <see cref="CurvePlot.Render"/> draws: the two logged loss curves of one comparison.</summary>
/// <param name="Title">The heading, e.g. <c>"xor-seed-parity — parity"</c> (scenario name and verdict).</param>
/// <param name="HandRolled">The hand-rolled side's logged loss, one per epoch (epoch 0 first).</param>
/// <param name="Torch">PyTorch's logged loss, one per epoch.</param>
/// <param name="Rtol">Relative tolerance of the comparison.</param>
/// <param name="Atol">Absolute tolerance: epoch <c>e</c> is close when <c>|h − t| ≤ Atol + Rtol·|t|</c>.</param>
/// <param name="FirstMismatchEpoch">The first epoch that is not close, or <see langword="null"/> at parity.</param>
internal sealed record CurvePlotInput(
    string Title,
    IReadOnlyList<double> HandRolled,
    IReadOnlyList<double> Torch,
    double Rtol,
    double Atol,
    int? FirstMismatchEpoch)
{
    /// <summary>The plot of a comparison, titled "scenario — verdict".</summary>
    public static CurvePlotInput Of(Running.ScenarioResult result) => new(
        $"{result.Scenario.Name} — {Scenarios.Names.Verdict.Of(result.Verdict)}",
        result.HandRolled.Losses,
        result.Reference.Torch.Losses,
        result.Curve.Tolerance.Rtol,
        result.Curve.Tolerance.Atol,
        result.Curve.FirstMismatchEpoch);
}
