using System.Globalization;
using System.Text.Json;
using NUnit.Framework;
using Parity.HandRolled;
using Parity.HandRolled.Init;
using Parity.HandRolled.Model;
using Parity.Tests.Support;
using Parity.TorchReference.TorchSharp;
using TorchSharp;
using TorchSharp.Modules;

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

    [Test]
    public void Train_ShuffledMiniBatches_LoggedValueIsMeanOverBatchesOfEachOnesValueBeforeItsUpdate()
    {
        // 12 rows in batches of 5: 5, 5 and a partial 2, in numpy's order; each batch's cross-entropy over its own rows.
        var data = Fast.FastMlpTests.Classes();
        var network = new NetworkSpec([3, 4, 3], [Activation.Tanh, Activation.Identity], Bias: true);
        var initial = Initializers.Glorot(network, seed: 5, gain: 1);
        var options = new TrainingOptions(
            2, 0.1, Loss.CrossEntropy, Batch: BatchMode.MiniBatch, Optimizer: Optimizer.Adam(), StepDetails: int.MaxValue,
            MiniBatch: new MiniBatch(5, Shuffle: true, Seed: 9), Logged: Logged.CrossEntropy);

        var trace = Trainer.Train(network, options, initial, data);

        var order = new BatchOrder(data.Count, options);
        var step = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var batches = order.NextEpoch();
            var logged = new List<double>();
            foreach (var rows in batches)
            {
                var before = step == 0 ? initial : trace.Steps[step - 1].Parameters;
                var batch = new Dataset([.. rows.Select(r => data.Inputs[r])], [.. rows.Select(r => data.Targets[r])]);
                logged.Add(Trainer.LossValue(network, Loss.CrossEntropy, before, batch));

                // The same float64 operations on the batch's rows; 1e-15 allows a few ulps of the sums' order.
                Close.AssertTensors(trace.Steps[step].Gradients, Trainer.Gradients(network, Loss.CrossEntropy, before, batch), 1e-15, 1e-17, $"Gradients of step {step}");
                step++;
            }

            Assert.That(batches.Select(b => b.Length), Is.EqualTo(new[] { 5, 5, 2 }));
            Close.Assert([trace.Losses[epoch]], [logged.Average()], rtol: 1e-15, atol: 0, $"Logged value of epoch {epoch}");
        }

        Assert.That(trace.Steps, Has.Count.EqualTo(6), "one step per batch");
    }

    [Test]
    public void Train_ShuffledMiniBatchesCrossEntropyMomentum_EqualsANumpyLoop()
    {
        Requires.NumpyInSystemPython();
        var data = Fast.FastMlpTests.Classes();
        var network = new NetworkSpec([3, 6, 3], [Activation.Tanh, Activation.Identity], Bias: true);
        var initial = Initializers.Glorot(network, seed: 4, gain: 1);
        var options = new TrainingOptions(
            20, 0.1, Loss.CrossEntropy, Batch: BatchMode.MiniBatch, Optimizer: Optimizer.Sgd(momentum: 0.9),
            MiniBatch: new MiniBatch(5, Shuffle: true, Seed: 3), Logged: Logged.CrossEntropy);

        var trace = Trainer.Train(network, options, initial, data);

        // The loop a numpy trainer writes: one RandomState, a permutation per epoch, batches of its own rows, the mean
        // cross-entropy of each before its update, torch.optim.SGD's momentum.
        string Json(object value) => JsonSerializer.Serialize(value);
        var numpy = JsonSerializer.Deserialize<JsonElement>(SystemPython.Run($$"""
            import json, numpy as np
            def array(values): return np.array(values, dtype=np.float64)
            X, y = array({{Json(data.Inputs)}}), np.array({{Json(data.Targets.Select(t => (int)t[0]))}})
            W1, b1 = array({{Json(initial[0].Values)}}).reshape(6, 3).T.copy(), array({{Json(initial[1].Values)}})
            W2, b2 = array({{Json(initial[2].Values)}}).reshape(3, 6).T.copy(), array({{Json(initial[3].Values)}})
            params, buffers, random, losses = [W1, b1, W2, b2], [None] * 4, np.random.RandomState(3), []
            for epoch in range(20):
                order, logged = random.permutation(len(X)), []
                for start in range(0, len(X), 5):
                    i = order[start:start + 5]; x, t, n = X[i], y[i], len(i)
                    h = np.tanh(x @ W1 + b1); z = h @ W2 + b2
                    logp = z - z.max(1, keepdims=True); logp -= np.log(np.exp(logp).sum(1, keepdims=True))
                    logged.append(-logp[np.arange(n), t].mean())
                    g = np.exp(logp); g[np.arange(n), t] -= 1; g /= n
                    dh = (g @ W2.T) * (1 - h * h)
                    for k, d in enumerate([x.T @ dh, dh.sum(0), h.T @ g, g.sum(0)]):
                        buffers[k] = d.copy() if buffers[k] is None else 0.9 * buffers[k] + d
                        params[k] -= 0.1 * buffers[k]
                losses.append(float(np.mean(logged)))
            print(json.dumps({"losses": losses, "final": [W1.T.ravel().tolist(), b1.tolist(), W2.T.ravel().tolist(), b2.tolist()]}))
            """));

        // The same float64 maths; numpy's products run in OpenBLAS's order and its means pairwise, ~1e-16 per
        // operation, carried over 60 updates: 1e-12 keeps 1000× room and fails on any change of order, batch or rule.
        var losses = numpy.GetProperty("losses").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Close.Assert(trace.Losses, losses, 1e-12, 0, "Losses against numpy");
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"loss {losses[0]:G6} → {losses[^1]:G6}, greatest relative difference {Close.GreatestRelative(trace.Losses, losses):E1}"));
        var final = numpy.GetProperty("final").EnumerateArray().ToArray();
        for (var i = 0; i < final.Length; i++)
        {
            Close.Assert(trace.FinalParameters[i].Values, [.. final[i].EnumerateArray().Select(e => e.GetDouble())], 1e-12, 1e-14, $"{trace.FinalParameters[i].Name} against numpy");
        }
    }

    [TestCase(DType.Float64, 1e-10)]
    [TestCase(DType.Float32, 1e-4)]
    public void Train_ShuffledMiniBatchesAdamCrossEntropy_EqualsATorchLoop(DType dtype, double rtol)
    {
        // The acceptance: shuffled mini-batches with a partial last batch, Adam and cross-entropy on logits, against
        // plain PyTorch (libtorch 2.10 through TorchSharp, torch.optim.Adam) running the same loop: ≤ 1e-10 relative in
        // float64, ≤ 1e-4 in float32 (PyTorch's float32 kernels sum in their own order; 6e-7 measured, 7e-16 in float64).
        var data = Fast.FastMlpTests.Classes();
        var network = new NetworkSpec([3, 6, 3], [Activation.Tanh, Activation.Identity], Bias: true);
        var initial = Initializers.Glorot(network, seed: 4, gain: 1);
        var options = new TrainingOptions(
            50, 0.01, Loss.CrossEntropy, dtype, BatchMode.MiniBatch, Optimizer.Adam(weightDecay: 0.01),
            MiniBatch: new MiniBatch(5, Shuffle: true, Seed: 3), Logged: Logged.CrossEntropy);

        var trace = Trainer.Train(network, options, initial, data);

        var torch = TorchLoop(initial, data, options);
        Close.Assert(trace.Losses, torch, rtol, 0, $"{dtype} losses against a PyTorch loop");
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{dtype}: loss {torch[0]:G6} → {torch[^1]:G6}, greatest relative difference {Close.GreatestRelative(trace.Losses, torch):E1}"));
    }

    // Linear, tanh, Linear, nn.functional.cross_entropy and torch.optim.Adam (as TorchOptimizer takes it) on each batch of BatchOrder (numpy's order).
    private static double[] TorchLoop(IReadOnlyList<NamedTensor> initial, Dataset data, TrainingOptions options)
    {
        NativeLoader.Ensure();
        using var scope = torch.NewDisposeScope();
        var dtype = options.DType == DType.Float32 ? torch.ScalarType.Float32 : torch.ScalarType.Float64;
        var p = initial.Select(t => new Parameter(torch.tensor([.. t.Values], [.. t.Shape.Select(d => (long)d)], torch.ScalarType.Float64).to(dtype))).ToArray();
        var x = torch.tensor([.. data.Inputs.SelectMany(r => r)], [data.Count, 3], torch.ScalarType.Float64).to(dtype);
        var y = torch.tensor([.. data.Targets.Select(t => (long)t[0])], [data.Count]);
        using var adam = new TorchOptimizer(p.Select((t, i) => ($"{i}", t)), options.LearningRate, options.Optim);
        var order = new BatchOrder(data.Count, options);
        var losses = new double[options.Epochs];
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var batches = order.NextEpoch();
            foreach (var rows in batches)
            {
                using var step = torch.NewDisposeScope();
                var index = torch.tensor([.. rows.Select(r => (long)r)]);
                adam.ZeroGrad();
                var hidden = torch.nn.functional.linear(x.index_select(0, index), p[0], p[1]).tanh();
                var loss = torch.nn.functional.cross_entropy(torch.nn.functional.linear(hidden, p[2], p[3]), y.index_select(0, index));
                losses[epoch] += dtype == torch.ScalarType.Float32 ? loss.item<float>() : loss.item<double>();
                loss.backward();
                adam.Step();
            }

            losses[epoch] /= batches.Count;
        }

        return losses;
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
