using System.Globalization;
using NUnit.Framework;
using Parity.HandRolled.Model;
using Parity.Harness.Scenarios;
using Parity.TorchReference;
using Parity.TorchReference.TorchSharp;
using Parity.Tests.Support;

namespace Parity.Tests.TorchReference.TorchSharp;

public sealed class TorchSharpReferenceTests
{
    private static readonly TorchSharpReference Torch = new();

    [Test]
    public async Task Train_AnyRun_NamesTorchSharpAndLibtorchAsItsSource()
    {
        var run = await Torch.TrainAsync(Xor.Network(), new TrainingOptions(3, 0.6, Loss.Mse), Xor.Data, null);

        Assert.That((Torch.Name, Torch.Version), Is.EqualTo(("torchsharp", "libtorch 2.10.0 (TorchSharp 0.107.0)")));
        Assert.That((run.Source, run.TorchVersion, run.PythonVersion), Is.EqualTo(("torchsharp", "2.10.0", "")));
        Assert.That(run.Trace.Losses, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Gradients_AtInitialParameters_EqualTheFirstStepsGradientsBitForBit()
    {
        var options = new TrainingOptions(1, 0.6, Loss.Mse, StepDetails: 1);
        var run = await Torch.TrainAsync(Xor.Network(bias: true), options, Xor.Data, null, seed: 0);

        var gradients = await Torch.GradientsAsync(Xor.Network(bias: true), Loss.Mse, DType.Float64, run.InitialParameters, Xor.Data);

        Assert.That(BitExact.Tensors(run.Trace.Steps[0].Gradients, gradients, "gradients"), Is.Empty);
    }

    [TestCaseSource(typeof(Xor), nameof(Xor.RegressionLosses))]
    public async Task Gradients_EveryLossAndActivation_AgreeWithTheHandRolledEngine(Loss loss)
    {
        // Every activation once, as a hidden layer or the output; the hand-rolled engine is independent of libtorch.
        var network = new NetworkSpec([2, 5, 4, 3, 2, 1], [Activation.Tanh, Activation.Relu, Activation.Selu, Activation.Identity, Activation.Sigmoid], Bias: true);
        var data = new Dataset(Xor.Data.Inputs, [[0.0], [1.0], [1.0], [0.0]]);
        var parameters = await Torch.DefaultInitAsync(network, seed: 3);

        var gradients = await Torch.GradientsAsync(network, loss, DType.Float64, parameters, data);

        var expected = Parity.HandRolled.Trainer.Gradients(network, loss, parameters, data);
        Close.AssertTensors(gradients, expected, Limits.Float64.Gradient, Limits.Float64.GradientAtol, $"{loss} gradients");
    }

    [Test]
    public void Train_InitialParametersOfTheWrongShape_NamesTheParameter()
    {
        var wrong = new NamedTensor("0.weight", [2, 5], new double[10]);
        var right = new NamedTensor("1.weight", [1, 5], new double[5]);

        var error = Assert.ThrowsAsync<ArgumentException>(() =>
            Torch.TrainAsync(Xor.Network(), new TrainingOptions(1, 0.6, Loss.Mse), Xor.Data, [wrong, right]));

        Assert.That(error!.Message, Does.Contain("0.weight: shape (2, 5) given, (5, 2) expected"));
    }

    [Test]
    public async Task Train_ParallelRequests_GiveTheSameBitsAsTheSameSentOneByOne()
    {
        // Varied: bias, dtype, batch, loss and seed; each draws PyTorch's init from the one global generator.
        var requests = Enumerable.Range(0, 8).Select(i => (
            Network: Xor.Network(bias: i % 2 == 0),
            Options: new TrainingOptions(150, 0.5, (Loss)(i % 6), i % 3 == 0 ? DType.Float32 : DType.Float64,
                i % 4 == 1 ? BatchMode.PerSample : BatchMode.Full, new Optimizer(Momentum: 0.5), StepDetails: 2),
            Seed: i)).ToList();
        Task<TorchRun> Send((NetworkSpec Network, TrainingOptions Options, int Seed) r) => Torch.TrainAsync(r.Network, r.Options, Xor.Data, null, r.Seed);

        var parallel = await Task.WhenAll(requests.Select(Send));
        var sequential = new List<TorchRun>();
        foreach (var request in requests)
        {
            sequential.Add(await Send(request));
        }

        var differing = Enumerable.Range(0, requests.Count).Where(i => !Bits(parallel[i]).SequenceEqual(Bits(sequential[i]))).ToList();
        Assert.That(differing, Is.Empty, $"parallel runs differ from sequential ones: {string.Join(", ", differing.Select(i => requests[i].Options))}");
    }

    // A temporary Scalar that TorchSharp does not keep alive is freed by the finalizer mid-call once a collection lands
    // inside a native call: with a thread collecting beside them, 8 of 160 such runs failed before the optimizer's step
    // owned its Scalars. At that rate 8 runs catch the fault 1 time in 3, and the slow sweep's 96 runs more than 99 times
    // in 100; the collector keeps a core busy for as long as the runs last.
    [TestCase(8)]
    [TestCase(96, Category = "Slow", Explicit = true, Reason = "the full stress, about 4 s of two cores; .ci/run runs it with --filter TestCategory=Slow")]
    public async Task Train_ParallelWhileTheGarbageCollectorRuns_GivesTheSameBitsEveryTime(int count)
    {
        // Momentum and weight decay take every path of the step.
        var options = new TrainingOptions(200, 0.6, Loss.HalfMse, Optimizer: new Optimizer(Momentum: 0.9, WeightDecay: 0.01));
        var expected = Bits(await Torch.TrainAsync(Xor.Network(), options, Xor.Data, null, seed: 0));
        using var stop = new CancellationTokenSource();
        var collector = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        });

        var runs = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => Torch.TrainAsync(Xor.Network(), options, Xor.Data, null, seed: 0)));
        await stop.CancelAsync();
        await collector;

        Assert.That(runs.Count(r => !Bits(r).SequenceEqual(expected)), Is.Zero);
    }

    [Test]
    public async Task Train_DeepNetworkScenarioOutsideTheCatalogue_AgreesWithLivePythonPyTorch()
    {
        var python = await Live.TorchAsync();
        var scenario = ScenarioLoader.Load(Path.Combine(Repository.Root, "tests", "Parity", "TorchReference", "TorchSharp", "deep-3-6-4-1-momentum-f64.json"));
        var (network, options) = (scenario.NetworkOf(scenario.Torch), scenario.Torch.ToOptions(scenario.Epochs, stepDetails: 10));

        var torchSharp = await Torch.TrainAsync(network, options, scenario.Data, null, scenario.Init.Seed);
        var pyTorch = await python.TrainAsync(network, options, scenario.Data, null, scenario.Init.Seed);

        // Both draw PyTorch's init after manual_seed(7): the same bits. Then 3000 float64 epochs of the same operations,
        // whose last bits differ between libtorch 2.10 and PyTorch 1.13 (see Limits): 1e-9 relative, as issue 11 asks.
        Assert.That(BitExact.Tensors(pyTorch.InitialParameters, torchSharp.InitialParameters, "initial parameters"), Is.Empty);
        Close.Assert(torchSharp.Trace.Losses, pyTorch.Trace.Losses, 1e-9, 0, "losses");
        Close.AssertTensors(torchSharp.Trace.FinalParameters, pyTorch.Trace.FinalParameters, 1e-9, Limits.Float64.ParameterAtol, "final parameters");
        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"PyTorch {pyTorch.TorchVersion} vs {Torch.Version}: loss {pyTorch.Trace.Losses[0]:G6} → {pyTorch.Trace.Losses[^1]:G6}; greatest relative "
            + $"differences: losses {Close.GreatestRelative(torchSharp.Trace.Losses, pyTorch.Trace.Losses):E1}, "
            + $"final parameters {Close.GreatestRelative(torchSharp.Trace.FinalParameters, pyTorch.Trace.FinalParameters):E1}"));
    }

    [TestCaseSource(typeof(Xor), nameof(Xor.RegressionLosses))]
    public async Task Train_EveryLoss_AgreesWithLivePythonPyTorch(Loss loss)
    {
        var python = await Live.TorchAsync();
        var network = new NetworkSpec([2, 5, 1], [Activation.Tanh, Activation.Sigmoid], Bias: true);
        var options = new TrainingOptions(300, 0.3, loss, DType.Float64, BatchMode.Full, new Optimizer(0.5, 0.01), StepDetails: 3);

        var torchSharp = await Torch.TrainAsync(network, options, Xor.Data, null, seed: 5);
        var pyTorch = await python.TrainAsync(network, options, Xor.Data, null, seed: 5);

        Close.Assert(torchSharp.Trace.Losses, pyTorch.Trace.Losses, Limits.Float64.Loss, 0, $"{loss} losses");
        foreach (var (actual, expected) in torchSharp.Trace.Steps.Zip(pyTorch.Trace.Steps))
        {
            Close.AssertTensors(actual.Gradients, expected.Gradients, Limits.Float64.Gradient, Limits.Float64.GradientAtol, $"{loss} step {actual.Step} gradients");
        }

        Close.AssertTensors(torchSharp.Trace.FinalParameters, pyTorch.Trace.FinalParameters, Limits.Float64.Parameter, Limits.Float64.ParameterAtol, $"{loss} final parameters");
    }

    [Test]
    public async Task Train_StepSchedule_IsTheConstantRateRunUntilTheFirstDecayedEpoch()
    {
        // StepLR(step_size=2, gamma=0.5): epochs 0 and 1 at lr, epoch 2 at lr/2. Epoch e logs the loss before its
        // updates, so the logged losses part at epoch 3, and not before.
        var options = new TrainingOptions(4, 0.6, Loss.Mse, Optimizer: Optimizer.Sgd(0.9));
        var constant = await Torch.TrainAsync(Xor.Network(), options, Xor.Data, null, seed: 0);
        var decayed = await Torch.TrainAsync(Xor.Network(), options with { Schedule = new Schedule(2, 0.5) }, Xor.Data, null, seed: 0);

        Assert.That(decayed.Trace.Losses.Take(3), Is.EqualTo(constant.Trace.Losses.Take(3)), "the same bits through epoch 2's logged loss");
        Assert.That(decayed.Trace.Losses[3], Is.Not.EqualTo(constant.Trace.Losses[3]));
    }

    [Test]
    public async Task Train_SameRequestOnIrisAgainAndAgain_GivesTheSameBitsEveryTime()
    {
        // 150 rows: MKL, unless asked for reproducibility (NativeLoader does), picks its kernels by the memory's alignment
        // and answered in one of two last bits, about half the time each.
        var network = new NetworkSpec([4, 8, 3], [Activation.Relu, Activation.Identity], Bias: true);
        var options = new TrainingOptions(2, 0.01, Loss.CrossEntropy, StepDetails: 2, Logged: Logged.CrossEntropy);

        var runs = new List<long[]>();
        for (var i = 0; i < 8; i++)
        {
            runs.Add([.. Bits(await Torch.TrainAsync(network, options, Iris.ClassIndices, null, seed: 2))]);
        }

        Assert.That(runs.Skip(1).Count(r => !r.SequenceEqual(runs[0])), Is.Zero, "runs that differ from the first");
    }

    // Everything a run returns, as the bits of each double: equal only when bit-identical (-0 ≠ 0, NaN = NaN).
    private static IEnumerable<long> Bits(TorchRun run) =>
        run.Trace.Losses
            .Concat(run.Trace.Steps.SelectMany(s => s.Gradients.Concat(s.Parameters).SelectMany(t => t.Values)))
            .Concat(run.Trace.FinalParameters.Concat(run.InitialParameters).SelectMany(t => t.Values))
            .Select(BitConverter.DoubleToInt64Bits);
}
