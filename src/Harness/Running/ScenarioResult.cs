using Parity.HandRolled.Model;
using Parity.Harness.Comparison;
using Parity.Harness.Reference;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Running;

/// <summary>Both sides of a scenario and what the harness concluded.</summary>
/// <param name="Scenario">What was compared.</param>
/// <param name="HandRolled">The hand-rolled (or external) trainer's trace.</param>
/// <param name="Reference">PyTorch's side.</param>
/// <param name="Curve">The epoch-by-epoch comparison of the logged losses.</param>
/// <param name="Diagnosis">Why the curves part, from the lockstep comparison of the first steps.</param>
public sealed record ScenarioResult(
    Scenario Scenario, TrainingTrace HandRolled, ReferenceRun Reference, CurveComparison Curve, Diagnosis.Diagnosis Diagnosis)
{
    /// <summary>The verdict.</summary>
    public Verdict Verdict => Curve.Verdict;

    /// <summary>
    /// How far another machine may move the numbers of this result: <see cref="Tolerance.Rounding"/> in the coarser of
    /// the two sides' dtypes, at the scale of the larger loss. A snapshot of the result is compared with it.
    /// </summary>
    public Tolerance Rounding =>
        Tolerance.Rounding(
            Scenario.HandRolled.DType == DType.Float32 || Scenario.Torch.DType == DType.Float32 ? DType.Float32 : DType.Float64,
            Tolerance.Scale(HandRolled.Losses.Concat(Reference.Torch.Losses)));
}
