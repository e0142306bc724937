using System.Globalization;
using Parity.HandRolled.Model;
using Parity.Harness.Comparison;
using Parity.Harness.Reference;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Diagnosis;

/// <summary>
/// Says why two runs part, from the lockstep comparison of their first recorded steps — not from the curve
/// alone. In order: a NaN or infinity; parity; different initial parameters; then step by step, each trainer
/// update against the update PyTorch would make from the trainer's own parameters: all agree (the logged loss or
/// a late divergence), a constant factor (a learning-rate scale, confirmed by a re-run at the suggested rate), a
/// wrong forward pass (epoch 0 differs), or a wrong gradient (the first parameter in backprop order).
/// </summary>
public sealed partial class Diagnoser(Scenario scenario)
{
    private const string HandSide = "handRolled";
    private const string TorchSide = "torch";

    /// <summary>Diagnoses a hand-rolled (or external) trace against the reference.</summary>
    public Diagnosis Diagnose(TrainingTrace hand, ReferenceRun reference, CurveComparison curve)
    {
        if (NonFinite(hand, reference.Torch) is { } nonFinite)
        {
            return nonFinite;
        }

        if (curve.Verdict == Verdict.Parity)
        {
            return Diagnosis.None;
        }

        return InitialDifference(reference.HandRolledInitial, reference.TorchInitial)
            ?? ScaleFreeLoss(hand, reference)
            ?? Lockstep(hand, reference, curve);
    }

    /// <summary>
    /// Adam, AdamW and RMSprop divide the loss's scale out, except through ε: a loss c times another's (mse against
    /// half-sse, say) takes the same steps at the same learning rate with ε × c. So the seed's learning-rate rule does not
    /// apply to them — and when the two sides differ by exactly that, this says which learning rate and ε would match,
    /// confirmed by re-running PyTorch's side with them.
    /// </summary>
    private Diagnosis? ScaleFreeLoss(TrainingTrace hand, ReferenceRun reference)
    {
        var (h, t) = (scenario.HandRolled, scenario.Torch);
        if (!Scenarios.GradientScale.ScaleFree(h) || h.Optimizer with { Eps = 0 } != t.Optimizer with { Eps = 0 }
            || Scenarios.GradientScale.Of(h, scenario) is not { } gh || Scenarios.GradientScale.Of(t, scenario) is not { } gt
            || (gh == gt && h.LearningRate == t.LearningRate))
        {
            return null;
        }

        var (lr, eps) = (h.LearningRate, h.Optimizer.Eps * gt / gh);
        var aligned = t with { LearningRate = lr, Optimizer = t.Optimizer with { Eps = eps } };
        var rerun = new ReferenceOracle(scenario, aligned).Retrain(reference.TorchInitial, lr);
        if (!Close(Flat(rerun.FinalParameters), Flat(hand.FinalParameters), Math.Max(StepTolerance, 1e-6)))
        {
            return null;
        }

        var kind = t.Optimizer.Kind.Name();
        var scale = Text($"{kind} divides the loss's scale out except through ε: PyTorch's {t.Loss.Name()} gradients are {gt / gh:G4} × the hand-rolled {h.Loss.Name()} ones, so the seed's learning-rate rule does not apply");
        return t.LearningRate != lr
            ? new Diagnosis(DiagnosisKind.LearningRateScale,
                Text($"Every PyTorch step is about {t.LearningRate / lr:G4} × the hand-rolled one: {scale}; PyTorch lr {lr:G6} with ε {eps:G6} would match (now {t.LearningRate:G6} and {t.Optimizer.Eps:G6})."),
                Step: 0, Factor: t.LearningRate / lr)
            : new Diagnosis(DiagnosisKind.Optimizer,
                Text($"The updates differ through ε alone: {scale}; PyTorch ε {eps:G6} would match (now {t.Optimizer.Eps:G6})."),
                Step: 0, Variant: Text($"ε × {gh / gt:G4} against the loss's scale"));
    }

    private static Diagnosis? NonFinite(TrainingTrace hand, TrainingTrace torch)
    {
        int? h = hand.FirstNonFiniteEpoch, t = torch.FirstNonFiniteEpoch;
        if (h is null && t is null)
        {
            return null;
        }

        var (epoch, side) = h is not null && (t is null || h <= t) ? (h.Value, HandSide) : (t!.Value, TorchSide);
        var who = h is not null && t is not null ? "both sides" : side == HandSide ? "the hand-rolled side" : "PyTorch";
        var detail = h is not null && t is not null
            ? Text($"Both sides' losses became NaN or infinite: the hand-rolled side at epoch {h}, PyTorch at epoch {t}; the training diverges (learning rate too large?).")
            : Text($"The loss of {who} became NaN or infinite at epoch {epoch} while the other side's stayed finite.");
        return new Diagnosis(DiagnosisKind.NonFinite, detail, Epoch: epoch, Side: side);
    }

    private static Diagnosis? InitialDifference(IReadOnlyList<NamedTensor> hand, IReadOnlyList<NamedTensor> torch)
    {
        var handNames = hand.Select(t => t.Name).ToList();
        var torchNames = torch.Select(t => t.Name).ToList();
        foreach (var name in torchNames.Except(handNames))
        {
            return new Diagnosis(DiagnosisKind.InitialForward,
                $"PyTorch's network has {name} and the hand-rolled one does not: the two sides differ in bias.", Step: 0, Parameter: name);
        }

        foreach (var name in handNames.Except(torchNames))
        {
            return new Diagnosis(DiagnosisKind.InitialForward,
                $"The hand-rolled network has {name} and PyTorch's does not: the two sides differ in bias.", Step: 0, Parameter: name);
        }

        foreach (var (h, t) in hand.Zip(torch.OrderBy(t => handNames.IndexOf(t.Name))))
        {
            var element = Enumerable.Range(0, h.Values.Count).FirstOrDefault(i => !h.Values[i].Equals(t.Values[i]), -1);
            if (element >= 0)
            {
                return new Diagnosis(DiagnosisKind.InitialForward,
                    Text($"The two sides start from different parameters: {h.Name}[{element}] is {h.Values[element]:G6} on the hand-rolled side and {t.Values[element]:G6} in PyTorch."),
                    Step: 0, Parameter: h.Name, Element: element);
            }
        }

        return null;
    }

    internal static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// ∂(hand-rolled loss)/∂p ÷ ∂(PyTorch loss)/∂p: 1 for the same loss, the ratio of their constant factors within
    /// the squared-error family (<see cref="Scenarios.GradientScale"/>), null when no constant relates them.
    /// </summary>
    private double? GradientScale() =>
        scenario.HandRolled.Loss == scenario.Torch.Loss && scenario.HandRolled.Batch == scenario.Torch.Batch ? 1.0
        : Scenarios.GradientScale.Of(scenario.HandRolled, scenario) is { } hand && Scenarios.GradientScale.Of(scenario.Torch, scenario) is { } torch
            ? hand / torch
            : null;
}
