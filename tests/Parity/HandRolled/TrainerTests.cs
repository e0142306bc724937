using NUnit.Framework;
using Parity.HandRolled;
using Parity.HandRolled.Init;
using Parity.HandRolled.Model;
using Parity.Tests.Support;

namespace Parity.Tests.HandRolled;

public sealed class TrainerTests
{
    [Test]
    public void Train_NumpyReference_LossesWithin1e13()
    {
        var reference = NumpyReference.Load();

        var trace = Trainer.Train(
            NumpyReference.Network, NumpyReference.Options, reference.InitialParameters, NumpyReference.Xor);

        // Same float64 maths as numpy; only exp and the summation order of the products may differ by an ulp,
        // and 5000 epochs amplify that to ~1e-15 (the reference README). 1e-13 leaves 100× headroom and still
        // fails on any change of the maths. Losses stay well above 0, so no atol is needed.
        Close.Assert(trace.Losses, reference.Losses, rtol: 1e-13, atol: 0, "Logged losses against numpy");
    }

    [Test]
    public void Train_NumpyReference_FinalParametersWithin1e12()
    {
        var reference = NumpyReference.Load();

        var trace = Trainer.Train(
            NumpyReference.Network, NumpyReference.Options, reference.InitialParameters, NumpyReference.Xor);

        // Parameters accumulate 5000 updates and reach |w| ≈ 10, so they carry a little more rounding than the
        // losses; the smallest is ≈ 3e-2, far from 0, so a relative tolerance alone is meaningful.
        Close.AssertTensors(
            trace.FinalParameters, reference.FinalParameters, rtol: 1e-12, atol: 0, "Final parameters against numpy");
    }

    [Test]
    public void Train_Float32OnNumpyReference_Within1e4OfFloat64()
    {
        var reference = NumpyReference.Load();
        var float64 = Trainer.Train(
            NumpyReference.Network, NumpyReference.Options, reference.InitialParameters, NumpyReference.Xor);

        var float32 = Trainer.Train(
            NumpyReference.Network,
            NumpyReference.Options with { DType = DType.Float32 },
            reference.InitialParameters,
            NumpyReference.Xor);

        // float32 rounds at ε ≈ 6e-8 per operation; over 5000 epochs PyTorch float32 drifts 3.5e-6 relative from
        // float64 on this case (DESIGN.md). 1e-4 keeps ~30× headroom yet fails on any real difference in the
        // maths (a wrong gradient or learning rate moves the curve by far more than 1e-4).
        Close.Assert(float32.Losses, float64.Losses, rtol: 1e-4, atol: 0, "float32 losses against float64");

        // And the float32 side really computes in float32: each logged loss is a float, and not float64's value.
        Assert.That(float32.Losses, Is.All.Matches<double>(l => (double)(float)l == l));
        Assert.That(float32.Losses, Is.Not.EqualTo(float64.Losses));
    }

    [Test]
    public void Train_PerSample_RecordsNStepsPerEpoch()
    {
        var (network, parameters, data) = SmallRegression();
        const int Epochs = 3;

        var trace = Trainer.Train(
            network,
            new TrainingOptions(Epochs, 0.05, Loss.Mse, Batch: BatchMode.PerSample, StepDetails: int.MaxValue),
            parameters,
            data);

        Assert.That(trace.Losses, Has.Count.EqualTo(Epochs));
        Assert.That(trace.Steps.Select(s => s.Step), Is.EqualTo(Enumerable.Range(0, Epochs * data.Count)));
    }

    [TestCase(0)]
    [TestCase(1)]
    public void Train_PerSample_LoggedLossIsMeanOfEachSamplesMseBeforeItsUpdate(int epoch)
    {
        var (network, initial, data) = SmallRegression();
        var trace = Trainer.Train(
            network,
            new TrainingOptions(2, 0.05, Loss.HalfSse, Batch: BatchMode.PerSample, StepDetails: int.MaxValue),
            initial,
            data);

        // Sample i of the epoch is seen at the parameters after the previous update (step − 1).
        var perSample = new double[data.Count];
        for (var i = 0; i < data.Count; i++)
        {
            var step = (epoch * data.Count) + i;
            var before = step == 0 ? initial : trace.Steps[step - 1].Parameters;
            var sample = new Dataset([data.Inputs[i]], [data.Targets[i]]);
            perSample[i] = Trainer.LossValue(network, Loss.Mse, before, sample);

            // The update of sample i uses that sample's gradient only, of the optimised loss.
            Close.AssertTensors(
                trace.Steps[step].Gradients,
                Trainer.Gradients(network, Loss.HalfSse, before, sample),
                rtol: 1e-15,
                atol: 0,
                $"Gradients of step {step}");
        }

        // The same float64 operations in the same order as the trainer; 1e-15 allows for a few ulps only.
        Close.Assert(
            [trace.Losses[epoch]], [perSample.Sum() / data.Count], rtol: 1e-15, atol: 0, $"Logged loss of epoch {epoch}");
    }

    [Test]
    public void Train_FullBatch_LoggedLossIsMseBeforeTheUpdateAndOneStepPerEpoch()
    {
        var (network, initial, data) = SmallRegression();

        var trace = Trainer.Train(network, new TrainingOptions(3, 0.05, Loss.Sse, StepDetails: 10), initial, data);

        Assert.That(trace.Steps, Has.Count.EqualTo(3));
        var expected = new[]
        {
            Trainer.LossValue(network, Loss.Mse, initial, data),
            Trainer.LossValue(network, Loss.Mse, trace.Steps[0].Parameters, data),
            Trainer.LossValue(network, Loss.Mse, trace.Steps[1].Parameters, data),
        };
        Close.Assert(trace.Losses, expected, rtol: 1e-15, atol: 0, "Logged losses (true MSE before each update)");
    }

    [Test]
    public void Train_LearningRate100_DivergesToNonFiniteWithoutThrowing()
    {
        var network = new NetworkSpec([2, 3, 1], [Activation.Identity, Activation.Identity], Bias: true);
        var initial = Initializers.Uniform01(network, seed: 1);
        const int Epochs = 200;

        var trace = Trainer.Train(network, new TrainingOptions(Epochs, 100, Loss.Sse), initial, NumpyReference.Xor);

        // A linear network with lr 100 multiplies its error by ≫ 1 every epoch: float64 overflows within 200.
        Assert.That(trace.Losses, Has.Count.EqualTo(Epochs));
        Assert.That(trace.FirstNonFiniteEpoch, Is.Not.Null.And.GreaterThan(0));
        Assert.That(trace.Losses.Take(trace.FirstNonFiniteEpoch!.Value), Is.All.Matches<double>(double.IsFinite));
    }

    [TestCase(Loss.HalfSse, DType.Float64)]
    [TestCase(Loss.L1, DType.Float64)]
    [TestCase(Loss.SmoothL1, DType.Float64)]
    [TestCase(Loss.Mse, DType.Float32)]
    [TestCase(Loss.L1, DType.Float32)]
    public void Train_HugeInitialWeights_NonFiniteFromEpoch0WithoutThrowing(Loss loss, DType dtype)
    {
        // ±1e300 weights: the hidden layer holds ±1e300 (±inf in float32) and the output sums +inf and −inf, NaN.
        var network = new NetworkSpec([2, 2, 1], [Activation.Identity, Activation.Identity], Bias: false);
        NamedTensor[] initial =
        [
            new("0.weight", [2, 2], [1e300, 1e300, 1e300, 1e300]),
            new("1.weight", [1, 2], [1e300, -1e300]),
        ];
        const int Epochs = 5;

        var trace = Trainer.Train(network, new TrainingOptions(Epochs, 0.1, loss, DType: dtype), initial, NumpyReference.Xor);

        Assert.That(trace.FirstNonFiniteEpoch, Is.EqualTo(0));
        Assert.That(trace.Losses, Has.Count.EqualTo(Epochs));
    }

    // 3 samples, 2 → 3 → 2, tanh then identity, with bias: small enough to check step by step.
    private static (NetworkSpec Network, IReadOnlyList<NamedTensor> Parameters, Dataset Data) SmallRegression()
    {
        var network = new NetworkSpec([2, 3, 2], [Activation.Tanh, Activation.Identity], Bias: true);
        var data = new Dataset(
            [[0.5, -1.0], [1.5, 0.25], [-0.75, 0.5]],
            [[1.0, 0.0], [-0.5, 0.5], [0.25, -1.0]]);
        return (network, Initializers.Glorot(network, seed: 2, gain: 1.0), data);
    }
}
