using NUnit.Framework;
using Parity.HandRolled;
using Parity.HandRolled.Init;
using Parity.HandRolled.Model;
using Parity.Harness.Fixtures;
using Parity.Harness.Scenarios;
using Parity.Tests.Support;

namespace Parity.Tests.HandRolled.Fast;

/// <summary>
/// The fast engine against the readable one it replaces in <see cref="Trainer.Train(NetworkSpec, TrainingOptions, IReadOnlyList{NamedTensor}, Dataset)"/>:
/// same operations in the same order, so the same numbers — compared with tolerance 0, every epoch's loss, the
/// recorded steps and the final parameters.
/// </summary>
public sealed class FastMlpTests
{
    private const int StepDetails = 3;

    public static IEnumerable<TestCaseData> CatalogueHandRolledSides() =>
        Directory.EnumerateFiles(Repository.Catalogue, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(Path.GetFileNameWithoutExtension(path)).SetArgDisplayNames(Path.GetFileNameWithoutExtension(path)));

    public static IEnumerable<TestCaseData> Variations()
    {
        var (xor, classes, oneHot) = (Xor.Data, Classes(), OneHot(Classes()));
        NetworkSpec Classifier(Activation last) => new([3, 6, 3], [Activation.Tanh, last], Bias: true);
        static MiniBatch Shuffled(int size, bool dropLast = false) => new(size, Shuffle: true, Seed: 7, DropLast: dropLast);
        var cases = new (string Name, NetworkSpec Network, TrainingOptions Options, Dataset Data)[]
        {
            ("xor sigmoid half-sse f64", Xor.Network(), new(300, 0.3, Loss.HalfSse), xor),
            ("xor sigmoid half-sse f32", Xor.Network(), new(300, 0.3, Loss.HalfSse, DType.Float32), xor),
            ("xor bias mse f32", Xor.Network(bias: true), new(300, 0.6, Loss.Mse, DType.Float32), xor),
            ("xor tanh relu sse", new([2, 4, 3, 1], [Activation.Tanh, Activation.Relu, Activation.Sigmoid], true), new(300, 0.05, Loss.Sse), xor),
            ("xor selu identity l1", new([2, 6, 1], [Activation.Selu, Activation.Identity], true), new(300, 0.05, Loss.L1), xor),
            ("xor selu smooth-l1 f32", new([2, 6, 1], [Activation.Selu, Activation.Sigmoid], true), new(300, 0.5, Loss.SmoothL1, DType.Float32), xor),
            ("xor half-mse momentum decay", Xor.Network(bias: true), new(300, 0.5, Loss.HalfMse, Optimizer: new(0.9, 0.01)), xor),
            ("xor momentum f32", Xor.Network(bias: true), new(300, 0.5, Loss.Mse, DType.Float32, Optimizer: new(0.9)), xor),
            ("xor per-sample", Xor.Network(bias: true), new(300, 0.5, Loss.HalfSse, Batch: BatchMode.PerSample), xor),
            ("xor per-sample f32 decay", Xor.Network(bias: true), new(300, 0.5, Loss.Mse, DType.Float32, BatchMode.PerSample, new(0, 0.01)), xor),
            ("xor zero learning rate", Xor.Network(), new(5, 0.0, Loss.HalfSse), xor),
            ("xor bce adamw amsgrad mini-batch 3 drop-last f32", Xor.Network(bias: true), new(200, 0.05, Loss.Bce, DType.Float32, BatchMode.MiniBatch, Optimizer.AdamW(amsgrad: true), MiniBatch: Shuffled(3, dropLast: true)), xor),
            ("xor bce-with-logits rmsprop centered momentum mini-batch 3", new([2, 5, 1], [Activation.Tanh, Activation.Identity], true), new(200, 0.01, Loss.BceWithLogits, Batch: BatchMode.MiniBatch, Optimizer: Optimizer.RmsProp(momentum: 0.5, centered: true), MiniBatch: Shuffled(3)), xor),
            ("classes logits cross-entropy adam mini-batch 4 f64", Classifier(Activation.Identity), new(100, 0.01, Loss.CrossEntropy, Batch: BatchMode.MiniBatch, Optimizer: Optimizer.Adam(), MiniBatch: Shuffled(4), Logged: Logged.CrossEntropy), classes),
            ("classes logits cross-entropy adam mini-batch 4 f32", Classifier(Activation.Identity), new(100, 0.01, Loss.CrossEntropy, DType.Float32, BatchMode.MiniBatch, Optimizer.Adam(), MiniBatch: Shuffled(4), Logged: Logged.CrossEntropy), classes),
            ("classes log-softmax nll nesterov f64", Classifier(Activation.LogSoftmax), new(100, 0.1, Loss.Nll, Optimizer: Optimizer.Sgd(0.9, nesterov: true), Logged: Logged.CrossEntropy), classes),
            ("classes log-softmax nll nesterov f32", Classifier(Activation.LogSoftmax), new(100, 0.1, Loss.Nll, DType.Float32, Optimizer: Optimizer.Sgd(0.9, nesterov: true), Logged: Logged.CrossEntropy), classes),
            ("classes softmax cross-entropy per-sample rmsprop f32", Classifier(Activation.Softmax), new(30, 0.01, Loss.CrossEntropy, DType.Float32, BatchMode.PerSample, Optimizer.RmsProp(weightDecay: 0.01), Logged: Logged.CrossEntropy), classes),
            ("classes one-hot softmax mse sgd dampening mini-batch 4", Classifier(Activation.Softmax), new(100, 0.5, Loss.Mse, Batch: BatchMode.MiniBatch, Optimizer: Optimizer.Sgd(0.9, dampening: 0.2), MiniBatch: new(4)), oneHot),
        };
        return cases.Select(c => new TestCaseData(c.Network, c.Options with { StepDetails = StepDetails }, c.Data).SetArgDisplayNames(c.Name));
    }

    [TestCaseSource(nameof(CatalogueHandRolledSides))]
    public void Train_CatalogueHandRolledSide_FastEqualsReadableBitForBit(string name)
    {
        var scenario = ScenarioLoader.Resolve(name, Repository.Catalogue);
        var fixture = new FixtureStore(Path.Combine(Repository.Root, "fixtures")).Load(scenario);
        var network = scenario.NetworkOf(scenario.HandRolled);
        var options = scenario.HandRolled.ToOptions(scenario.Epochs, StepDetails);

        AssertSameTraining(network, options, fixture.HandRolledInitial, scenario.Data, Blas.Managed);
    }

    [TestCaseSource(nameof(Variations))]
    public void Train_Variation_FastEqualsReadableBitForBit(NetworkSpec network, TrainingOptions options, Dataset data) =>
        AssertSameTraining(network, options, Initializers.Uniform01(network, seed: 3), data, Blas.Managed);

    [TestCase(DType.Float64)]
    [TestCase(DType.Float32)]
    public void Train_ProductsAboveBlasThresholdOnManagedProvider_FastEqualsReadableBitForBit(DType dtype)
    {
        // 48·40·24 multiply-adds and more: these products go through MathNet's provider, as the readable ones do.
        var (network, data) = Wide(inputs: 40, hidden: 24, outputs: 3, rows: 48);

        AssertSameTraining(
            network,
            new TrainingOptions(20, 0.1, Loss.Mse, dtype, StepDetails: StepDetails),
            Initializers.Glorot(network, seed: 1, gain: 1),
            data,
            Blas.Managed);
    }

    [TestCase(DType.Float64)]
    [TestCase(DType.Float32)]
    public void Train_WideTanhReluWithMomentumAndDecay_FastEqualsReadableBitForBit(DType dtype)
    {
        // Arrays many vector lanes long in every element-wise loop that runs lane by lane (derivatives, scaling,
        // bias, the momentum and decay update), in both dtypes.
        var (_, data) = Wide(inputs: 40, hidden: 24, outputs: 3, rows: 48);
        var network = new NetworkSpec([40, 24, 16, 3], [Activation.Tanh, Activation.Relu, Activation.Identity], Bias: true);

        AssertSameTraining(
            network,
            new TrainingOptions(20, 0.05, Loss.Mse, dtype, Optimizer: new(0.9, 0.01), StepDetails: StepDetails),
            Initializers.Glorot(network, seed: 2, gain: 1),
            data,
            Blas.Managed);
    }

    [TestCase(DType.Float64)]
    [TestCase(DType.Float32)]
    public void Train_WideShuffledMiniBatchesAdamCrossEntropy_FastEqualsReadableBitForBit(DType dtype)
    {
        // Products above the BLAS threshold, a partial last batch (48 = 2·20 + 8), and Adam's and cross-entropy's loops
        // over many vector lanes.
        var (network, data) = Wide(inputs: 40, hidden: 24, outputs: 3, rows: 48);
        var labels = new Dataset(data.Inputs, [.. data.Targets.Select(t => (IReadOnlyList<double>)[ArgMax(t)])]);

        AssertSameTraining(
            network with { Activations = [Activation.Relu, Activation.Identity] },
            new TrainingOptions(10, 0.01, Loss.CrossEntropy, dtype, BatchMode.MiniBatch, Optimizer.Adam(), StepDetails, new MiniBatch(20, Shuffle: true), Logged.CrossEntropy),
            Initializers.Glorot(network, seed: 2, gain: 1),
            labels,
            Blas.Managed);
    }

    private static void AssertSameTraining(
        NetworkSpec network, TrainingOptions options, IReadOnlyList<NamedTensor> initial, Dataset data, Blas blas)
    {
        var readable = Trainer.Train(network, options, initial, data, Engine.Readable);

        var fast = Trainer.Train(network, options, initial, data, Engine.Fast, blas);

        // Tolerance 0: the fast engine promises the readable engine's operations in the readable engine's order.
        Close.Assert(fast.Losses, readable.Losses, rtol: 0, atol: 0, "Fast losses against readable");
        Assert.That(fast.Steps, Has.Count.EqualTo(readable.Steps.Count));
        for (var s = 0; s < readable.Steps.Count; s++)
        {
            Close.AssertTensors(fast.Steps[s].Gradients, readable.Steps[s].Gradients, 0, 0, $"Step {s} gradients");
            Close.AssertTensors(fast.Steps[s].Parameters, readable.Steps[s].Parameters, 0, 0, $"Step {s} parameters");
        }

        Close.AssertTensors(fast.FinalParameters, readable.FinalParameters, 0, 0, "Final parameters");
        Assert.That(readable.Losses, Is.All.Matches<double>(double.IsFinite), "a trace of NaN would agree with anything");
        Assert.That(readable.Steps.SelectMany(s => s.Gradients).SelectMany(g => g.Values), Has.Some.Not.Zero, "all-zero gradients check nothing");
    }

    // 12 samples of 3 inputs in 3 classes, labelled by which input is largest.
    internal static Dataset Classes()
    {
        var random = new Random(11);
        var x = Enumerable.Range(0, 12).Select(_ => (IReadOnlyList<double>)[.. Enumerable.Range(0, 3).Select(_ => (2 * random.NextDouble()) - 1)]).ToArray();
        return new Dataset(x, [.. x.Select(r => (IReadOnlyList<double>)[ArgMax(r)])]);
    }

    private static double ArgMax(IReadOnlyList<double> row) => row.Select((v, i) => (v, i)).Max().i;

    // The same labels, one-hot.
    internal static Dataset OneHot(Dataset classes) =>
        new(classes.Inputs, [.. classes.Targets.Select(t => (IReadOnlyList<double>)[.. Enumerable.Range(0, 3).Select(c => c == (int)t[0] ? 1.0 : 0.0)])]);

    internal static (NetworkSpec Network, Dataset Data) Wide(int inputs, int hidden, int outputs, int rows)
    {
        var random = new Random(7);
        var network = new NetworkSpec([inputs, hidden, outputs], [Activation.Sigmoid, Activation.Sigmoid], Bias: true);
        var x = Enumerable.Range(0, rows).Select(_ => (IReadOnlyList<double>)[.. Enumerable.Range(0, inputs).Select(_ => random.NextDouble())]).ToArray();
        var y = Enumerable.Range(0, rows).Select(_ => (IReadOnlyList<double>)[.. Enumerable.Range(0, outputs).Select(_ => random.NextDouble())]).ToArray();
        return (network, new Dataset(x, y));
    }
}
