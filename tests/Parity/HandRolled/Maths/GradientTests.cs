using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;
using Parity.HandRolled;
using Parity.HandRolled.Maths;
using Parity.HandRolled.Model;

namespace Parity.Tests.HandRolled.Maths;

/// <summary>
/// Backpropagation against central finite differences of <see cref="Trainer.LossValue"/> in float64, for every
/// activation × loss × bias, and for random networks (<see cref="RandomNetworks"/>) on both engines in float64 and
/// float32. Tolerance: rtol 1e-6; atol 1e-8 for entries near zero, where a relative bound means nothing: the finite
/// difference's own error is ~ε·|L|/h ≈ 2e-11·|L| (see <see cref="GradientCase.Step"/>), so 1e-8 is ≥ 10× that error
/// while |L| stays below ~45 and ≪ any real gradient; above, the atol is 10·ε·|L|/h
/// (<see cref="GradientCase.FiniteDifferenceRounding"/>: an SSE over many log-softmax outputs reaches |L| ≈ 400, where
/// 1e-8 failed a right gradient by 1.45e-8). A float32 gradient may differ by its rounding bound as well
/// (<see cref="Float32Rounding"/>), never more.
/// </summary>
public sealed class GradientTests
{
    private const double Rtol = 1e-6;
    private const double Atol = 1e-8;
    private const int CasesPerCombination = 5;

    private static IEnumerable<TestCaseData> Combinations() =>
        from activation in Enum.GetValues<Activation>()
        from loss in Enum.GetValues<Loss>()
        where GradientCase.Suits(activation, loss)
        from bias in new[] { false, true }
        select new TestCaseData(activation, loss, bias)
            .SetArgDisplayNames(activation.ToString(), loss.ToString(), bias ? "bias" : "no bias");

    [TestCaseSource(nameof(Combinations))]
    public void Gradients_EveryActivationLossAndBias_MatchCentralFiniteDifferences(Activation activation, Loss loss, bool bias)
    {
        // Fixed seeds, one stream per combination: depth 1–3, widths 1–6, N 1–5, the activation on every layer (softmax
        // and log-softmax on the output, after tanh hidden layers).
        var random = new Random(1000 + (97 * (int)activation) + (13 * (int)loss) + (bias ? 1 : 0));
        var cases = Enumerable.Range(0, CasesPerCombination)
            .Select(_ =>
            {
                var depth = random.Next(1, 4);
                var widths = Enumerable.Range(0, depth + 1).Select(_ => random.Next(1, 7)).ToArray();
                var hidden = activation.IsRowWise() ? Activation.Tanh : activation;
                var network = new NetworkSpec(widths, [.. Enumerable.Repeat(hidden, depth - 1), activation], bias);
                return GradientCase.Draw(network, loss, samples: random.Next(1, 6), seed: random.Next());
            })
            .ToList();

        Assert.Multiple(() =>
        {
            foreach (var c in cases)
            {
                Assert.That(c.FiniteDifferenceMismatches(Rtol, Atol), Is.Empty, c.ToString());
            }

            Assert.That(cases.Any(c => c.HasNonZeroGradient()), "every case has an all-zero gradient: the check is empty");
        });
    }

    [FsCheck.NUnit.Property(Arbitrary = [typeof(RandomNetworks)], MaxTest = 100)]
    public Property Gradients_RandomNetworkLossBiasAndDType_MatchCentralFiniteDifferences(GradientCase c)
    {
        var mismatches = c.FiniteDifferenceMismatches(Rtol, Atol);
        return (mismatches.Count == 0).Label($"{c}: {string.Join("; ", mismatches.Take(5))}")
            .Classify(c.DType == DType.Float32, "float32")
            .Classify(c.Redraws > 0, "redrawn away from a kink");
    }

    [Test]
    public void Generator_FixedSeedSample_CoversEveryDepthWidthActivationLossBiasAndDType()
    {
        var cases = RandomNetworks.Generator().ArrayOf(300).Sample(1, new Rnd(5), 1)[0];

        Assert.Multiple(() =>
        {
            Assert.That(cases.Select(c => c.Network.Depth).Distinct(), Is.EquivalentTo(Enumerable.Range(1, RandomNetworks.MaxDepth)));
            Assert.That(cases.SelectMany(c => c.Network.Layers).Distinct(), Is.EquivalentTo(Enumerable.Range(1, RandomNetworks.MaxWidth)));
            Assert.That(cases.SelectMany(c => c.Network.Activations).Distinct(), Is.EquivalentTo(Enum.GetValues<Activation>()));
            Assert.That(cases.Select(c => c.Loss).Distinct(), Is.EquivalentTo(Enum.GetValues<Loss>()));
            Assert.That(cases.Select(c => c.Network.Bias).Distinct(), Is.EquivalentTo(new[] { false, true }));
            Assert.That(cases.Select(c => c.DType).Distinct(), Is.EquivalentTo(Enum.GetValues<DType>()));
            Assert.That(cases.Select(c => c.Data.Count).Distinct(), Is.EquivalentTo(Enumerable.Range(1, RandomNetworks.MaxSamples)));
        });
    }

    [TestCase(DType.Float64)]
    [TestCase(DType.Float32)]
    public void Checks_GradientOnePercentOff_FailsInEveryCaseWithAGradient(DType dtype)
    {
        // The tolerances, float32's rounding bound included, must leave the check able to fail: scaling every
        // analytic entry by 1.01 (a wrong constant in a loss or a derivative) is caught in every case.
        var cases = RandomNetworks.Generator().ArrayOf(100).Sample(1, new Rnd(11), 1)[0]
            .Where(c => c.DType == dtype)
            .Take(30)
            .ToList();
        var withGradient = cases.Where(c => c.HasNonZeroGradient()).ToList();
        var undetected = withGradient
            .Where(c => c.Checks(Rtol, Atol).All(check => (check with { Readable = 1.01 * check.Readable, Fast = 1.01 * check.Fast }).Passes))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(withGradient, Has.Count.GreaterThanOrEqualTo(cases.Count * 9 / 10), "too many all-zero gradients: the check is empty");
            Assert.That(undetected.Select(c => c.ToString()), Is.Empty);
        });
    }

    [Test]
    public void Gradients_L1WherePredictionEqualsTarget_AreZero()
    {
        // p = 0.5·2 = 1 = t exactly: PyTorch takes the derivative of |x| at 0 as 0.
        var network = new NetworkSpec([1, 1], [Activation.Identity], Bias: true);
        NamedTensor[] parameters = [new("0.weight", [1, 1], [0.5]), new("0.bias", [1], [0.0])];
        var data = new Dataset([[2.0]], [[1.0]]);

        var gradients = Trainer.Gradients(network, Loss.L1, parameters, data);

        Assert.That(gradients.SelectMany(g => g.Values), Is.All.EqualTo(0.0));
    }

    [Test]
    public void Gradients_ReluAtZeroPreActivation_DerivativeIsZero()
    {
        // z = 1·0.5 − 0.5 = 0 exactly. With relu'(0) = 1 the bias gradient would be p − t = −1; PyTorch says 0.
        var network = new NetworkSpec([1, 1], [Activation.Relu], Bias: true);
        NamedTensor[] parameters = [new("0.weight", [1, 1], [0.5]), new("0.bias", [1], [-0.5])];
        var data = new Dataset([[1.0]], [[1.0]]);

        var gradients = Trainer.Gradients(network, Loss.HalfSse, parameters, data);

        Assert.That(gradients.SelectMany(g => g.Values), Is.All.EqualTo(0.0));
    }

    [Test]
    public void Backward_ReluAtZero_DerivativeIsZero()
    {
        var z = Matrix<double>.Build.DenseOfArray(new[,] { { -0.0, 0.0, 1e-300, -1e-300 } });
        var ones = Matrix<double>.Build.Dense(1, 4, 1.0);

        var derivative = Activations.Backward(Activation.Relu, ones, z, Activations.Apply(Activation.Relu, z));

        Assert.That(derivative.ToRowMajorArray(), Is.EqualTo(new[] { 0.0, 0.0, 1.0, 0.0 }));
    }

    [Test]
    public void Gradient_L1AndSmoothL1AtZeroResidual_IsZero()
    {
        var p = Matrix<double>.Build.DenseOfArray(new[,] { { 0.25, -3.0 } });

        Assert.Multiple(() =>
        {
            Assert.That(LossFunctions.Gradient(Loss.L1, p, p.Clone()).ToRowMajorArray(), Is.All.EqualTo(0.0));
            Assert.That(LossFunctions.Gradient(Loss.SmoothL1, p, p.Clone()).ToRowMajorArray(), Is.All.EqualTo(0.0));
        });
    }
}
