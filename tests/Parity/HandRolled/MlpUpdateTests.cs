using NUnit.Framework;
using Parity.HandRolled;
using Parity.HandRolled.Init;
using Parity.HandRolled.Model;
using Parity.Tests.Support;

namespace Parity.Tests.HandRolled;

/// <summary>
/// The update against <c>torch.optim.SGD</c>'s algorithm (dampening 0, no Nesterov), recomputed here from the
/// recorded gradients: <c>d = g + λ·p</c>; <c>b = d</c> at step 0, then <c>b = μ·b + d</c>; <c>p ← p − lr·b</c>.
/// </summary>
public sealed class MlpUpdateTests
{
    private const double LearningRate = 0.1;
    private const int Steps = 6;

    private static readonly (string Name, Optimizer Optimizer)[] Optimizers =
    [
        ("plain", new Optimizer()),
        ("momentum 0.9", new Optimizer(Momentum: 0.9)),
        ("weight decay 0.01", new Optimizer(WeightDecay: 0.01)),
        ("momentum 0.9 and weight decay 0.01", new Optimizer(0.9, 0.01)),
    ];

    private static readonly (string Name, NetworkSpec Network, Dataset Data)[] Networks =
    [
        // One weight and one bias: the 1-parameter-ish case, where every number can be followed by hand.
        ("1-1 identity", new NetworkSpec([1, 1], [Activation.Identity], Bias: true), new Dataset([[2.0]], [[1.0]])),

        // Two layers with biases: a buffer per parameter tensor, weights and biases kept apart.
        (
            "2-3-1 tanh sigmoid",
            new NetworkSpec([2, 3, 1], [Activation.Tanh, Activation.Sigmoid], Bias: true),
            NumpyReference.Xor),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        from o in Optimizers
        from n in Networks
        select new TestCaseData(n.Network, n.Data, o.Optimizer).SetArgDisplayNames(n.Name, o.Name);

    [TestCaseSource(nameof(Cases))]
    public void Update_Sgd_MatchesTorchAlgorithmOnRecordedGradients(NetworkSpec network, Dataset data, Optimizer optimizer)
    {
        var initial = Initializers.Uniform01(network, seed: 4);

        var trace = Trainer.Train(
            network,
            new TrainingOptions(Steps, LearningRate, Loss.Mse, Optimizer: optimizer, StepDetails: Steps),
            initial,
            data);

        var buffers = new double[initial.Count][];
        var before = initial;
        for (var s = 0; s < Steps; s++)
        {
            var step = trace.Steps[s];

            // The recorded gradient is the full-batch gradient at the parameters before the step: same
            // computation, so equal to the last ulps.
            Close.AssertTensors(
                step.Gradients, Trainer.Gradients(network, Loss.Mse, before, data), 1e-15, 0, $"Gradients of step {s}");

            var expected = new List<NamedTensor>();
            for (var t = 0; t < before.Count; t++)
            {
                var p = before[t].Values;
                var g = step.Gradients[t].Values;
                var d = g.Select((gi, i) => optimizer.WeightDecay == 0 ? gi : gi + (p[i] * optimizer.WeightDecay)).ToArray();
                buffers[t] = optimizer.Momentum == 0 || s == 0
                    ? d
                    : buffers[t].Select((bi, i) => (bi * optimizer.Momentum) + d[i]).ToArray();
                expected.Add(before[t] with { Values = p.Select((pi, i) => pi - (buffers[t][i] * LearningRate)).ToArray() });
            }

            // The same float64 operations as torch.optim.SGD's; 1e-15 allows an ulp or two, the update itself
            // is ≥ 1e-4 of the parameter, so any wrong term shows.
            Close.AssertTensors(step.Parameters, expected, rtol: 1e-15, atol: 0, $"Parameters after step {s}");
            before = step.Parameters;
        }

        Close.AssertTensors(trace.FinalParameters, before, rtol: 0, atol: 0, "Final parameters against the last step");
    }

    [Test]
    public void Update_Momentum_DiffersFromPlainSgdFromStep1()
    {
        var network = new NetworkSpec([1, 1], [Activation.Identity], Bias: false);
        NamedTensor[] initial = [new("0.weight", [1, 1], [0.25])];
        var data = new Dataset([[2.0]], [[1.0]]);
        TrainingTrace Run(Optimizer o) =>
            Trainer.Train(
                network, new TrainingOptions(2, LearningRate, Loss.HalfSse, Optimizer: o, StepDetails: 2), initial, data);

        var plain = Run(Optimizer.Plain);
        var momentum = Run(new Optimizer(Momentum: 0.9));

        // Step 0: the buffer is the first gradient itself, so both agree exactly; then they part.
        Assert.That(momentum.Steps[0].Parameters[0].Values, Is.EqualTo(plain.Steps[0].Parameters[0].Values));
        Assert.That(momentum.Steps[1].Parameters[0].Values, Is.Not.EqualTo(plain.Steps[1].Parameters[0].Values));
    }
}
