using System.Globalization;
using Parity.HandRolled.Model;
using Parity.Harness.Reference;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Diagnosis;

public sealed partial class Diagnoser
{
    /// <summary>
    /// A step whose update is not PyTorch's up to a constant factor: the forward pass (epoch 0 differs), the
    /// gradient (the first parameter in backprop order whose gradient is not that of the side's own loss), or,
    /// with right gradients, the update rule or the loss itself.
    /// </summary>
    private Diagnosis Disagreement(
        TrainingTrace hand, ReferenceRun reference, int step, IReadOnlyList<NamedTensor> before, ReferenceOracle own, bool together)
    {
        // While the sides are together, PyTorch's own gradient (rescaled to the trainer's loss) is the expectation.
        var expected = together && GradientScale() is { } scale && step < reference.Torch.Steps.Count
            ? [.. reference.Torch.Steps[step].Gradients.Select(g => g with { Values = g.Values.Select(v => v * scale).ToArray() })]
            : own.Gradient(before, step);
        var actual = hand.Steps[step].Gradients;
        var wrong = BackpropOrder(expected).FirstOrDefault(name => !Close(Values(actual, name), Values(expected, name)));
        var epochZero = scenario.Tolerance.IsClose(hand.Losses[0], reference.Torch.Losses[0]);
        if (!epochZero && scenario.HandRolled.Batch == BatchMode.Full && wrong is not null)
        {
            return new Diagnosis(DiagnosisKind.InitialForward,
                Text($"The loss of epoch 0 already differs ({hand.Losses[0]:G6} against PyTorch's {reference.Torch.Losses[0]:G6}) although both sides start from the same parameters: the forward pass differs — the parameters' layout, bias or activations."),
                Step: 0, Epoch: 0);
        }

        if (wrong is not null)
        {
            var (element, a, e) = Worst(Values(actual, wrong), Values(expected, wrong));
            var deeper = BackpropOrder(expected).TakeWhile(n => n != wrong).ToList();
            var right = deeper.Count == 0 ? "" : $"; the gradients of {string.Join(", ", deeper)} before it in backprop order are right";
            return new Diagnosis(DiagnosisKind.Gradient,
                Text($"At step {step} the hand-rolled gradient of {wrong} is not that of its {scenario.HandRolled.Loss.Name()} loss: element {element} is {a:G6} where PyTorch's autograd gives {e:G6}{right}."),
                Step: step, Parameter: wrong, Element: element);
        }

        var update = Minus(hand.Steps[step].Parameters, before);
        var asked = Updates(hand, reference, new ReferenceOracle(scenario, scenario.HandRolled), step);
        if (!Close(Flat(update), Flat(asked)))
        {
            return Optimizer(hand, reference, step, update, asked, own);
        }

        var reference0 = new ReferenceOracle(scenario, scenario.Torch);
        IReadOnlyList<NamedTensor> torchUpdate = [];
        var start = reference.HandRolledInitial;
        for (var s = 0; s <= step; s++)
        {
            torchUpdate = reference0.Update(start, s);
            start = s < step ? hand.Steps[s].Parameters : start;
        }

        var parameter = BackpropOrder(update).FirstOrDefault(n => !Close(Values(update, n), Values(torchUpdate, n)));
        return new Diagnosis(DiagnosisKind.Gradient,
            Text($"At step {step} the hand-rolled gradients are right for its {scenario.HandRolled.Loss.Name()} loss, but its updates are not PyTorch's ({scenario.Torch.Loss.Name()}, lr {scenario.Torch.LearningRate:G6}, {ScenarioOptimizers.Describe(scenario.Torch.Optimizer)}) up to any constant factor: the two sides optimise different losses or use different update rules."),
            Step: step, Parameter: parameter);
    }

    /// <summary>
    /// Right gradients, a wrong update, not by one constant factor: the trainer's optimiser is not the one its side asks
    /// for. Each known departure (<see cref="UpdateRule.VariantsOf"/>) is replayed through the trainer's recorded steps, on
    /// its own parameters and gradients; the first that reproduces every one of them is named.
    /// </summary>
    private Diagnosis Optimizer(
        TrainingTrace hand, ReferenceRun reference, int step, IReadOnlyList<NamedTensor> update, IReadOnlyList<NamedTensor> asked,
        ReferenceOracle own)
    {
        var side = scenario.HandRolled;
        var parameter = BackpropOrder(update).First(n => !Close(Values(update, n), Values(asked, n)));
        var schedule = side.Schedule is null ? "" : $" (its rate {ScenarioSchedules.Describe(side.Schedule)})";
        var rule = $"{ScenarioOptimizers.Describe(side.Optimizer)} at lr {side.LearningRate:G6}{schedule}";
        var rateChanges = Enumerable.Range(0, hand.Steps.Count).Select(own.LearningRateAt).Distinct().Skip(1).Any();
        var variant = UpdateRule.VariantsOf(side.Optimizer, rateChanges).FirstOrDefault(v => Reproduces(v, hand, reference, own));
        var detail = variant is null
            ? Text($"At step {step} the hand-rolled gradients are right, but its update of {parameter} is not that of {rule}, nor that times one constant factor, and none of the known departures from it reproduces the trainer's updates.")
            : Text($"At step {step} the hand-rolled gradients are right, but its update of {parameter} is not that of {rule}: the trainer updates {variant.Description}, which reproduces all {hand.Steps.Count} recorded updates.");
        return new Diagnosis(DiagnosisKind.Optimizer, detail, Step: step, Parameter: parameter, Variant: variant?.Description);
    }

    // Whether the rule, fed the trainer's own parameters and gradients at its side's rates, makes every update the trainer recorded.
    private bool Reproduces(UpdateRule rule, TrainingTrace hand, ReferenceRun reference, ReferenceOracle own)
    {
        var fresh = rule.Fresh();
        var p = Flat(reference.HandRolledInitial);
        for (var s = 0; s < hand.Steps.Count; s++)
        {
            var after = Flat(hand.Steps[s].Parameters);
            var predicted = fresh.Step(p, Flat(hand.Steps[s].Gradients), s + 1, own.LearningRateAt(s));
            if (!Close(predicted.Select((x, i) => x - p[i]).ToArray(), after.Select((x, i) => x - p[i]).ToArray()))
            {
                return false;
            }

            p = after;
        }

        return true;
    }

    // The update the side's own optimiser makes at step, from the trainer's parameters, its state carried along the trainer's path.
    private static IReadOnlyList<NamedTensor> Updates(TrainingTrace hand, ReferenceRun reference, ReferenceOracle oracle, int step)
    {
        IReadOnlyList<NamedTensor> update = [];
        var start = reference.HandRolledInitial;
        for (var s = 0; s <= step; s++)
        {
            update = oracle.Update(start, s);
            start = s < step ? hand.Steps[s].Parameters : start;
        }

        return update;
    }

    /// <summary>Output layer first, as backpropagation computes them: <c>2.weight, 2.bias, 1.weight, …</c>.</summary>
    private static IEnumerable<string> BackpropOrder(IReadOnlyList<NamedTensor> tensors) =>
        tensors.Select(t => t.Name)
            .OrderByDescending(n => int.Parse(n[..n.IndexOf('.', StringComparison.Ordinal)], CultureInfo.InvariantCulture))
            .ThenBy(n => n.EndsWith(".bias", StringComparison.Ordinal));

    private static (int Element, double Actual, double Expected) Worst(IReadOnlyList<double> actual, IReadOnlyList<double> expected)
    {
        var worst = 0;
        for (var i = 1; i < expected.Count; i++)
        {
            if (!(Math.Abs(actual[i] - expected[i]) <= Math.Abs(actual[worst] - expected[worst])))
            {
                worst = i;
            }
        }

        return (worst, actual[worst], expected[worst]);
    }
}
