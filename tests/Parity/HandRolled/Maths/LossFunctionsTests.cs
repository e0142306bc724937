using System.Globalization;
using NUnit.Framework;
using Parity.HandRolled.Maths;
using Parity.HandRolled.Model;
using Parity.TorchReference.TorchSharp;
using Parity.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Tests.HandRolled.Maths;

/// <summary>
/// Every loss's value and gradient against <c>torch.nn.functional</c> in libtorch 2.10 (TorchSharp), float64, on
/// predictions and targets of the kind each loss takes: logits and class indices for cross-entropy, log-probabilities
/// and class indices for NLL, probabilities and targets in [0, 1] for BCE, logits for BCE with logits.
/// </summary>
public sealed class LossFunctionsTests
{
    private const int Rows = 5;
    private const int Classes = 4;

    public static IEnumerable<TestCaseData> Losses() =>
        Enum.GetValues<Loss>().Select(loss => new TestCaseData(loss).SetArgDisplayNames(loss.Name()));

    [TestCaseSource(nameof(Losses))]
    public void ValueAndGradient_EveryLoss_EqualTorchFunctional(Loss loss)
    {
        var (p, t) = Draw(loss, new Random(3 + (int)loss));

        var (value, gradient) = (LossFunctions.Value(loss, p, t, Rows), new double[p.Length]);
        LossFunctions.Gradient(loss, p, t, gradient, Rows);

        var (torchValue, torchGradient) = Torch(loss, p, t);
        Close.Assert([value], [torchValue], LibtorchOps.Rtol, 0, $"{loss} value");
        Close.Assert(gradient, torchGradient, LibtorchOps.Rtol, LibtorchOps.Atol, $"{loss} gradient");
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{loss}: value {value:R}, relative differences: value {Math.Abs(value - torchValue) / Math.Abs(torchValue):E1}, gradient {Close.GreatestRelative(gradient, torchGradient):E1}"));
    }

    [Test]
    public void Value_BceOnCertainWrongPredictions_ClampsEachLogAtMinus100AsTorch()
    {
        // log 0 = −∞ is clamped to −100, so a certain wrong prediction costs 100; p = 0.5 costs log 2.
        double[] p = [0.0, 1.0, 0.5], t = [1.0, 0.0, 1.0];

        var value = LossFunctions.Value(Loss.Bce, p, t, rows: 3);

        Assert.That(value, Is.EqualTo((100 + 100 + Math.Log(2)) / 3).Within(1e-15).Percent);
        Assert.That(value, Is.EqualTo(Torch(Loss.Bce, p, t, rows: 3).Value).Within(1e-14).Percent);
    }

    [Test]
    public void Value_CrossEntropyOfHugeLogits_StaysFiniteAsTorch()
    {
        // Shifted by the row's max: e^1000 never forms. Column-major (2, 2): rows (1000, 0) and (−1000, 0).
        double[] logits = [1000.0, -1000.0, 0.0, 0.0], labels = [1.0, 0.0];

        var value = LossFunctions.Value(Loss.CrossEntropy, logits, labels, rows: 2);

        Assert.That(value, Is.EqualTo(1000.0).Within(1e-12).Percent);
        Assert.That(value, Is.EqualTo(Torch(Loss.CrossEntropy, logits, labels, rows: 2).Value));
    }

    // p (Rows, Classes) column-major, and targets as the loss takes them.
    private static (double[] P, double[] T) Draw(Loss loss, Random random)
    {
        double Signed() => (4 * random.NextDouble()) - 2;
        var p = Enumerable.Range(0, Rows * Classes).Select(_ => Signed()).ToArray();
        return loss switch
        {
            Loss.CrossEntropy => (p, Labels(random)),
            Loss.Nll => (Log(Activation.LogSoftmax, p), Labels(random)),
            Loss.Bce => (Log(Activation.Softmax, p), [.. p.Select(_ => random.NextDouble())]),
            Loss.BceWithLogits => (p, [.. p.Select(_ => random.NextDouble())]),
            _ => (p, [.. p.Select(_ => Signed())]),
        };

        static double[] Log(Activation activation, double[] z)
        {
            var a = new double[z.Length];
            Activations.Forward(activation, z, a, Rows);
            return a;
        }
    }

    private static double[] Labels(Random random) => [.. Enumerable.Range(0, Rows).Select(_ => (double)random.Next(Classes))];

    // The loss and its gradient by autograd, as nn.functional computes them on (rows, classes) row-major tensors.
    private static (double Value, double[] Gradient) Torch(Loss loss, double[] p, double[] t, int rows = Rows)
    {
        NativeLoader.Ensure();
        using var scope = NewDisposeScope();
        var input = LibtorchOps.FromColumnMajor(p, rows).requires_grad_();
        var target = loss.TakesClassIndices()
            ? tensor(t, [rows], ScalarType.Float64).to(ScalarType.Int64)
            : LibtorchOps.FromColumnMajor(t, rows);
        using var half = 0.5.ToScalar(); // owned: an implicit Scalar can be finalised during the native call
        var value = loss switch
        {
            Loss.Mse => nn.functional.mse_loss(input, target),
            Loss.Sse => nn.functional.mse_loss(input, target, nn.Reduction.Sum),
            Loss.HalfSse => nn.functional.mse_loss(input, target, nn.Reduction.Sum) * half,
            Loss.HalfMse => nn.functional.mse_loss(input, target) * half,
            Loss.L1 => nn.functional.l1_loss(input, target),
            Loss.SmoothL1 => nn.functional.smooth_l1_loss(input, target, beta: 1.0),
            Loss.CrossEntropy => nn.functional.cross_entropy(input, target),
            Loss.Nll => nn.functional.nll_loss(input, target),
            Loss.Bce => nn.functional.binary_cross_entropy(input, target),
            _ => nn.functional.binary_cross_entropy_with_logits(input, target),
        };
        value.backward();
        return (value.item<double>(), LibtorchOps.ToColumnMajor(input.grad!));
    }
}
