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
/// activation × loss × bias. Tolerance: rtol 1e-6; atol 1e-8 for entries near zero, where a relative bound
/// means nothing: the finite difference's own error is ~1e-11·max(1, |L|) (see <see cref="GradientCase.Step"/>)
/// and |L| stays below ~100 for these O(1) cases, so 1e-8 is ≥ 10× that error and ≪ any real gradient.
/// </summary>
public sealed class GradientTests
{
    private const double Rtol = 1e-6;
    private const double Atol = 1e-8;
    private const int CasesPerCombination = 5;

    private static IEnumerable<TestCaseData> Combinations() =>
        from activation in Enum.GetValues<Activation>()
        from loss in Enum.GetValues<Loss>()
        from bias in new[] { false, true }
        select new TestCaseData(activation, loss, bias)
            .SetArgDisplayNames(activation.ToString(), loss.ToString(), bias ? "bias" : "no bias");

    [TestCaseSource(nameof(Combinations))]
    public void Gradients_EveryActivationLossAndBias_MatchCentralFiniteDifferences(Activation activation, Loss loss, bool bias)
    {
        // Fixed seeds, one stream per combination: depth 1–3, widths 1–6, N 1–5, the activation on every layer.
        var random = new Random(1000 + (97 * (int)activation) + (13 * (int)loss) + (bias ? 1 : 0));
        var cases = Enumerable.Range(0, CasesPerCombination)
            .Select(_ =>
            {
                var depth = random.Next(1, 4);
                var widths = Enumerable.Range(0, depth + 1).Select(_ => random.Next(1, 7)).ToArray();
                var network = new NetworkSpec(widths, Enumerable.Repeat(activation, depth).ToArray(), bias);
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

    [FsCheck.NUnit.Property(Arbitrary = [typeof(RandomNetworks)], MaxTest = 200)]
    public Property Gradients_RandomNetworkOfMixedActivations_MatchCentralFiniteDifferences(GradientCase c)
    {
        var mismatches = c.FiniteDifferenceMismatches(Rtol, Atol);
        return (mismatches.Count == 0).Label($"{c}: {string.Join("; ", mismatches.Take(5))}");
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
    public void Derivative_ReluAtZero_IsZero()
    {
        var z = Matrix<double>.Build.DenseOfArray(new[,] { { -0.0, 0.0, 1e-300, -1e-300 } });

        var derivative = Activations.Derivative(Activation.Relu, z, Activations.Apply(Activation.Relu, z));

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

    /// <summary>FsCheck's cases: depth 1–3, widths 1–6, an activation per layer, any loss, bias or not, N 1–5.</summary>
    public static class RandomNetworks
    {
        public static Arbitrary<GradientCase> Cases() =>
            Arb.From(
                from depth in Gen.Choose(1, 3)
                from widths in Gen.Choose(1, 6).ArrayOf(depth + 1)
                from activations in Gen.Elements(Enum.GetValues<Activation>()).ArrayOf(depth)
                from loss in Gen.Elements(Enum.GetValues<Loss>())
                from bias in Gen.Elements(false, true)
                from samples in Gen.Choose(1, 5)
                from seed in Gen.Choose(0, int.MaxValue - 1)
                select GradientCase.Draw(new NetworkSpec(widths, activations, bias), loss, samples, seed));
    }
}
