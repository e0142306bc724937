using NUnit.Framework;
using Parity.HandRolled;
using Parity.HandRolled.Model;
using Parity.Tests.Support;

namespace Parity.Tests.HandRolled;

/// <summary>
/// The two engines train identically: the hand-rolled MLP against real PyTorch, started from PyTorch's own
/// default initialisation, epoch by epoch.
/// </summary>
public sealed class EngineParityTests
{
    private const int SeedEpochs = 5000;
    private const int VariantEpochs = 500;

    /// <summary>
    /// The seed answer: no bias, same initial weights, true MSE logged, and PyTorch's lr doubled (N·D/2 = 2)
    /// because nn.MSELoss averages over N·D = 4 elements where the numpy gradient is that of 0.5·Σ(p − t)².
    /// Float64 on both sides leaves only rounding differences (measured ~4e-15); 1e-12 is the bound.
    /// </summary>
    [Test]
    public async Task SeedCase_TorchFloat64_EveryLossAndFinalParameterWithin1e12()
    {
        var (hand, torch) = await TrainBothAsync(Xor.Network(), SeedEpochs, Loss.HalfSse, 0.3, Loss.Mse, 0.6, DType.Float64);

        Close.Assert(hand.Losses, torch.Losses, rtol: 1e-12, atol: 0, "losses");
        Close.AssertTensors(hand.FinalParameters, torch.FinalParameters, rtol: 1e-12, atol: 0, "final parameters");
    }

    /// <summary>
    /// PyTorch in float32 against float64: single-precision rounding accumulates to ~3.5e-6 in the losses; the
    /// bound is 1e-4. Parameters near zero get torch.testing.assert_close's float32 atol, 1e-5.
    /// </summary>
    [Test]
    public async Task SeedCase_TorchFloat32_EveryLossAndFinalParameterWithin1e4()
    {
        var (hand, torch) = await TrainBothAsync(Xor.Network(), SeedEpochs, Loss.HalfSse, 0.3, Loss.Mse, 0.6, DType.Float32);

        Close.Assert(hand.Losses, torch.Losses, rtol: 1e-4, atol: 0, "losses");
        Close.AssertTensors(hand.FinalParameters, torch.FinalParameters, rtol: 1e-4, atol: 1e-5, "final parameters");
    }

    /// <summary>Without the doubling, the curves part: the comparison can fail. They have parted well before 1000 epochs.</summary>
    [Test]
    public async Task SeedCase_SameLearningRate_LossesDiffer()
    {
        var (hand, torch) = await TrainBothAsync(Xor.Network(), 1000, Loss.HalfSse, 0.3, Loss.Mse, 0.3, DType.Float64);

        Assert.That(Math.Abs(hand.Losses[^1] - torch.Losses[^1]), Is.GreaterThan(1e-3 * torch.Losses[^1]));
    }

    /// <summary>
    /// Float64 parity within 1e-10 relative, every epoch, for each variation the issue lists. The hand-rolled
    /// side optimises the same loss at the same learning rate, or half-SSE at the rate that matches PyTorch's MSE.
    /// A formula that differs shows from the first update. Measured over <see cref="VariantEpochs"/> epochs: 1.1e-12
    /// relative for selu-identity, whose loss heads for zero, and 3.3e-15 or less for the others.
    /// </summary>
    [TestCaseSource(nameof(Variants))]
    public async Task Variant_Float64_EveryLossWithin1e10(Variant v)
    {
        var (hand, torch) = await TrainBothAsync(
            v.Network, v.Epochs, v.HandLoss, v.HandLr, v.TorchLoss, v.TorchLr, DType.Float64, v.Batch, v.Optimizer);

        Close.Assert(hand.Losses, torch.Losses, rtol: 1e-10, atol: 1e-14, "losses");
        Close.AssertTensors(hand.FinalParameters, torch.FinalParameters, rtol: 1e-10, atol: 1e-12, "final parameters");
    }

    public static IEnumerable<TestCaseData> Variants()
    {
        var sigmoid = Activation.Sigmoid;
        Variant Seedlike(NetworkSpec network, string name) => new(name, network, VariantEpochs, Loss.HalfSse, 0.3, Loss.Mse, 0.6);

        yield return Case(Seedlike(Xor.Network(bias: true), "bias"));
        yield return Case(Seedlike(new([2, 4, 3, 1], [sigmoid, sigmoid, sigmoid], true), "two-hidden-layers"));
        yield return Case(Seedlike(new([2, 5, 1], [Activation.Tanh, sigmoid], true), "tanh"));
        yield return Case(Seedlike(new([2, 8, 1], [Activation.Relu, sigmoid], true), "relu"));
        yield return Case(Seedlike(new([2, 5, 1], [Activation.Selu, Activation.Identity], true), "selu-identity") with { HandLr = 0.05, TorchLr = 0.1 });
        // The regression losses, on XOR's (N, 1) targets. The classification losses (class-index targets, probabilities)
        // are checked against libtorch instead: HandRolled/TrainerTests (a training loop) and Maths/LossFunctionsTests.
        foreach (var loss in Xor.RegressionLosses)
        {
            yield return Case(new Variant($"loss-{loss.Name()}", Xor.Network(bias: true), VariantEpochs, loss, 0.2, loss, 0.2));
        }

        yield return Case(Seedlike(Xor.Network(), "per-sample") with { Batch = BatchMode.PerSample, TorchLr = 0.15 });
        yield return Case(Seedlike(Xor.Network(bias: true), "momentum-0.9") with { HandLr = 0.05, TorchLr = 0.1, Optimizer = new Optimizer(0.9) });
        // Weight decay adds λ·p to the gradient, so the lr doubling no longer holds: same loss, same lr.
        yield return Case(new Variant("momentum-weight-decay", Xor.Network(bias: true), VariantEpochs, Loss.Mse, 0.6, Loss.Mse, 0.6, Optimizer: new Optimizer(0.5, 1e-3)));

        static TestCaseData Case(Variant v) => new TestCaseData(v).SetArgDisplayNames(v.Name);
    }

    private static async Task<(TrainingTrace Hand, TrainingTrace Torch)> TrainBothAsync(
        NetworkSpec network, int epochs, Loss handLoss, double handLr, Loss torchLoss, double torchLr, DType torchDType,
        BatchMode batch = BatchMode.Full, Optimizer? optimizer = null)
    {
        var torch = await Live.TorchSharpAsync();
        var torchRun = await torch.TrainAsync(
            network, new TrainingOptions(epochs, torchLr, torchLoss, torchDType, batch, optimizer), Xor.Data, null, seed: 0);
        var hand = Trainer.Train(
            network, new TrainingOptions(epochs, handLr, handLoss, DType.Float64, batch, optimizer), torchRun.InitialParameters, Xor.Data);
        return (hand, torchRun.Trace);
    }

    public sealed record Variant(
        string Name, NetworkSpec Network, int Epochs, Loss HandLoss, double HandLr, Loss TorchLoss, double TorchLr,
        BatchMode Batch = BatchMode.Full, Optimizer? Optimizer = null)
    {
        public override string ToString() => Name;
    }
}
