using Parity.HandRolled.Model;
using Parity.Harness.Comparison;
using Parity.Harness.Reference;

namespace Parity.Harness.Diagnosis;

public sealed partial class Diagnoser
{
    // Updates and gradients are compared norm-wise: a float64 pair of engines agrees to ~1e-15, a float32 side to
    // ~1e-6 of the update's size; the tolerance follows the scenario's own, never tighter than 1e-9 (1e-4 when a
    // side computes in float32, whose rounding alone would otherwise read as a wrong gradient).
    private double StepTolerance => Math.Max(
        scenario.Tolerance.Rtol * 10,
        scenario.HandRolled.DType == DType.Float32 || scenario.Torch.DType == DType.Float32 ? 1e-4 : 1e-9);

    /// <summary>
    /// Step by step: while the two sides' parameters are still together, the trainer's update is judged against
    /// PyTorch's own recorded one (so a bug shared by the hand-rolled engine and the oracle cannot hide); once they
    /// have parted, against the update PyTorch would make from the trainer's own parameters (the oracle).
    /// </summary>
    private Diagnosis Lockstep(TrainingTrace hand, ReferenceRun reference, CurveComparison curve)
    {
        var oracle = new ReferenceOracle(scenario, scenario.Torch);
        var own = new ReferenceOracle(scenario, scenario.HandRolled);
        var torch = reference.Torch.Steps;
        var before = reference.HandRolledInitial;
        var torchBefore = reference.TorchInitial;
        var together = scenario.HandRolled.Batch == scenario.Torch.Batch;
        int? firstApart = null;
        var firstApartTogether = false;
        var factors = new List<double>();
        for (var s = 0; s < hand.Steps.Count; s++)
        {
            var recorded = together && s < torch.Count;
            var handUpdate = Minus(hand.Steps[s].Parameters, before);
            var oracleUpdate = oracle.Update(before, s); // also carries the oracle's momentum along the trainer's path
            var torchUpdate = recorded ? Minus(torch[s].Parameters, torchBefore) : oracleUpdate;
            if (!Close(Flat(handUpdate), Flat(torchUpdate)))
            {
                if (firstApart is null)
                {
                    (firstApart, firstApartTogether) = (s, recorded);
                }

                factors.Add(ConstantFactor(Flat(handUpdate), Flat(torchUpdate)));
                if (double.IsNaN(factors[^1]))
                {
                    return Disagreement(hand, reference, s, before, own, recorded);
                }
            }

            together = recorded && Close(Flat(hand.Steps[s].Parameters), Flat(torch[s].Parameters));
            before = hand.Steps[s].Parameters;
            torchBefore = recorded ? torch[s].Parameters : torchBefore;
        }

        if (firstApart is not { } apart)
        {
            return AllStepsAgree(hand, reference, curve);
        }

        var factor = factors.Average();
        var constant = factors.All(f => Math.Abs(f - factor) <= StepTolerance * Math.Abs(factor));
        return (constant ? LearningRate(hand, reference, apart, factor) : null)
            ?? Disagreement(hand, reference, apart, StepStart(hand, reference, apart), own, firstApartTogether);
    }

    private Diagnosis AllStepsAgree(TrainingTrace hand, ReferenceRun reference, CurveComparison curve)
    {
        // Same parameters, same first updates: a logged loss that differs already at epoch 0 is not the true MSE;
        // one that agrees there and parts later is precision or amplification.
        var k = hand.Steps.Count;
        if (!Close([hand.Losses[0]], [reference.Torch.Losses[0]]))
        {
            var ratio = hand.Losses[0] / reference.Torch.Losses[0];
            return new Diagnosis(DiagnosisKind.LossLogging,
                Text($"Every parameter trajectory agrees (the first {k} updates), yet the logged losses differ from epoch {curve.FirstMismatchEpoch}: the hand-rolled side does not log the true MSE of the epoch's forward pass before its update (epoch 0 logs {ratio:G4} × PyTorch's)."),
                Epoch: curve.FirstMismatchEpoch, Factor: ratio);
        }

        var precision = scenario.HandRolled.DType != scenario.Torch.DType
            ? $"the sides compute in {scenario.HandRolled.DType.Name()} and {scenario.Torch.DType.Name()}: rounding differences grow"
            : "small differences grow (chaotic amplification)";
        return new Diagnosis(DiagnosisKind.LateDivergence,
            Text($"The first {k} updates agree, but the curves part from epoch {curve.FirstMismatchEpoch}: {precision}."),
            Epoch: curve.FirstMismatchEpoch);
    }

    private Diagnosis? LearningRate(TrainingTrace hand, ReferenceRun reference, int step, double factor)
    {
        // factor = PyTorch's update / the hand-rolled one; PyTorch matches at lr / factor. Confirmed by re-running the
        // reference side at that rate: its parameters must then follow the hand-rolled ones to the end.
        var lr = scenario.Torch.LearningRate;
        var matching = lr / factor;
        var rerun = new ReferenceOracle(scenario, scenario.Torch).Retrain(reference.TorchInitial, matching);
        if (!Close(Flat(rerun.FinalParameters), Flat(hand.FinalParameters), Math.Max(StepTolerance, 1e-6)))
        {
            return null;
        }

        var logged = CurveComparison.Compare(hand.Losses, rerun.Losses, scenario.Tolerance).Verdict == Scenarios.Verdict.Parity
            ? ""
            : " (the logged losses would still differ: the hand-rolled side does not log the true MSE)";
        return new Diagnosis(DiagnosisKind.LearningRateScale,
            Text($"Every PyTorch update is {factor:G4} × the hand-rolled one: PyTorch lr {matching:G6} would match (now {lr:G6}){logged}."),
            Step: step, Factor: factor);
    }

    private IReadOnlyList<NamedTensor> StepStart(TrainingTrace hand, ReferenceRun reference, int step) =>
        step == 0 ? reference.HandRolledInitial : hand.Steps[step - 1].Parameters;
}
