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
            ?? Lockstep(hand, reference, curve);
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
