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
/// Every activation's forward pass and backward pass (∂loss/∂z from ∂loss/∂a, the vector-Jacobian product for softmax
/// and log-softmax) against libtorch 2.10's (TorchSharp, autograd) in float64, on (rows, columns) values.
/// </summary>
public sealed class ActivationsTests
{
    private const int Rows = 6;
    private const int Columns = 5;

    public static IEnumerable<TestCaseData> Every() =>
        Enum.GetValues<Activation>().Select(a => new TestCaseData(a).SetArgDisplayNames(a.Name()));

    [TestCaseSource(nameof(Every))]
    public void ForwardAndBackward_EveryActivation_EqualTorchAutograd(Activation activation)
    {
        var random = new Random(7 + (int)activation);
        var z = Enumerable.Range(0, Rows * Columns).Select(_ => (6 * random.NextDouble()) - 3).ToArray();
        var upstream = Enumerable.Range(0, Rows * Columns).Select(_ => (2 * random.NextDouble()) - 1).ToArray();
        var a = new double[z.Length];

        Activations.Forward(activation, z, a, Rows);
        var delta = upstream.ToArray();
        Activations.Backward(activation, delta, z, a, Rows);

        var (torchA, torchDelta) = Torch(activation, z, upstream);
        Close.Assert(a, torchA, LibtorchOps.Rtol, LibtorchOps.Atol, $"{activation} forward");
        Close.Assert(delta, torchDelta, LibtorchOps.Rtol, LibtorchOps.Atol, $"{activation} backward");
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{activation}: greatest relative differences: forward {Close.GreatestRelative(a, torchA):E1}, backward {Close.GreatestRelative(delta, torchDelta):E1}"));
    }

    [TestCase(Activation.Softmax)]
    [TestCase(Activation.LogSoftmax)]
    public void Forward_RowOfHugeLogits_ShiftsByTheRowMaxAsTorch(Activation activation)
    {
        // One row, (1000, 999, −1000): e^1000 would overflow; shifted by the max it is e^0, e^−1, e^−2000.
        double[] z = [1000.0, 999.0, -1000.0];
        var a = new double[3];

        Activations.Forward(activation, z, a, rows: 1);

        Assert.That(a, Is.All.Matches<double>(double.IsFinite));
        Close.Assert(a, Torch(activation, z, [0.0, 0.0, 0.0], rows: 1).A, LibtorchOps.Rtol, LibtorchOps.Atol, $"{activation} of huge logits");
    }

    // f(z) and, by autograd, ∂(Σ upstream ∘ f(z))/∂z.
    private static (double[] A, double[] Delta) Torch(Activation activation, double[] z, double[] upstream, int rows = Rows)
    {
        NativeLoader.Ensure();
        using var scope = NewDisposeScope();
        var input = LibtorchOps.FromColumnMajor(z, rows).requires_grad_();
        using var one = 1.0.ToScalar(); // owned: an implicit Scalar can be finalised during the native call
        var output = activation switch
        {
            Activation.Sigmoid => input.sigmoid(),
            Activation.Tanh => input.tanh(),
            Activation.Relu => nn.functional.relu(input),
            Activation.Selu => nn.functional.selu(input),
            Activation.Identity => input * one,
            Activation.Softmax => nn.functional.softmax(input, 1),
            _ => nn.functional.log_softmax(input, 1),
        };
        (output * LibtorchOps.FromColumnMajor(upstream, rows)).sum().backward();
        return (LibtorchOps.ToColumnMajor(output), LibtorchOps.ToColumnMajor(input.grad!));
    }
}
