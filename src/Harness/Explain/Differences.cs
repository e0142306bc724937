using System.Globalization;
using Parity.HandRolled.Model;
using Parity.Harness.Reference;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Explain;

/// <summary>
/// Finds the differences between a scenario's two sides, from their specs and from the parameters each side
/// actually starts from (so a difference hidden in PyTorch's fixture is found too, and a bias-free shared draw
/// whose extra PyTorch biases start at zero is not mistaken for a different initialisation).
/// </summary>
internal static partial class Differences
{
    /// <summary>Every difference, in <see cref="DifferenceKind"/> order; none when the sides are alike.</summary>
    public static IReadOnlyList<Difference> Between(
        Scenario scenario, IReadOnlyList<NamedTensor> handInitial, IReadOnlyList<NamedTensor> torchInitial) =>
        [.. new[]
        {
            OfBias(scenario), OfInit(scenario, handInitial, torchInitial), OfLoss(scenario), OfLearningRateScale(scenario),
            OfDType(scenario), OfBatch(scenario), OfOptimizer(scenario), OfSchedule(scenario),
        }.OfType<Difference>()];

    private static Difference? OfBias(Scenario scenario)
    {
        var hand = scenario.NetworkOf(scenario.HandRolled).Bias;
        if (hand == scenario.NetworkOf(scenario.Torch).Bias)
        {
            return null;
        }

        return new Difference(
            DifferenceKind.Bias,
            hand ? "The hand-rolled side has bias, PyTorch has none" : "PyTorch has bias, the hand-rolled side has none",
            c =>
            {
                // Biases PyTorch gains start at zero and those it loses are dropped: the contract's zero-bias rule.
                var aligned = c.WithTorch(c.Torch with { Bias = hand });
                return aligned with { TorchInitial = InitResolver.Fit(c.TorchInitial, aligned.TorchNetwork) };
            },
            c => c.TorchNetwork.Bias ? "PyTorch with bias" : "PyTorch without bias");
    }

    private static Difference? OfInit(Scenario scenario, IReadOnlyList<NamedTensor> handInitial, IReadOnlyList<NamedTensor> torchInitial)
    {
        // Compared in PyTorch's layout: the hand-rolled parameters as PyTorch would take them over.
        var handAsTorch = InitResolver.Fit(handInitial, scenario.NetworkOf(scenario.Torch));
        var first = FirstDifference(handAsTorch, torchInitial);
        if (first is not { } at)
        {
            return null;
        }

        var (h, t) = (scenario.InitOf(scenario.HandRolled), scenario.InitOf(scenario.Torch));
        var description = h != t
            ? $"PyTorch starts from {Describe(t)}, the hand-rolled side from {Describe(h)}"
            : "The sides start from different parameters";
        return new Difference(
            DifferenceKind.Init,
            description + Text($" ({at.Name}[{at.Index}]: {at.Hand:G6} against {at.Torch:G6})"),
            c => c with { TorchInitial = InitResolver.Fit(handInitial, c.TorchNetwork) },
            c => "PyTorch starting from the hand-rolled parameters" +
                 (c.TorchNetwork.Bias && !scenario.NetworkOf(scenario.HandRolled).Bias ? ", its biases at zero" : ""));
    }

    private static Difference? OfLoss(Scenario scenario)
    {
        var (hand, torch) = (scenario.HandRolled.Loss, scenario.Torch.Loss);
        var related = GradientScale.Of(scenario.HandRolled, scenario) is not null && GradientScale.Of(scenario.Torch, scenario) is not null;
        if (hand == torch || related)
        {
            // Two losses of the MSE family differ by a constant factor: that is the learning-rate scale.
            return null;
        }

        return new Difference(
            DifferenceKind.Loss,
            $"PyTorch optimises {torch.Name()}, the hand-rolled side {hand.Name()}: no constant factor relates their gradients",
            c => c.WithTorch(c.Torch with { Loss = hand }),
            c => $"PyTorch optimising {c.Torch.Loss.Name()}");
    }

    private static (string Name, int Index, double Hand, double Torch)? FirstDifference(
        IReadOnlyList<NamedTensor> hand, IReadOnlyList<NamedTensor> torch)
    {
        foreach (var (h, t) in hand.Zip(torch))
        {
            for (var i = 0; i < Math.Min(h.Values.Count, t.Values.Count); i++)
            {
                if (!h.Values[i].Equals(t.Values[i]))
                {
                    return (h.Name, i, h.Values[i], t.Values[i]);
                }
            }
        }

        return null;
    }

    private static string Describe(InitSpec init) => init.From switch
    {
        InitSource.Torch => Text($"its default initialisation (torch.manual_seed({init.Seed}))"),
        InitSource.Uniform01 => Text($"numpy's uniform [0, 1) draw (np.random.seed({init.Seed}))"),
        InitSource.Glorot => Text($"a Glorot uniform draw with gain {init.Gain:G6} (np.random.seed({init.Seed}))"),
        _ => $"the parameters in {Path.GetFileName(init.Path)}",
    };

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
