using System.Diagnostics;
using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using Parity.HandRolled;
using Parity.HandRolled.Fast;
using Parity.HandRolled.Init;
using Parity.HandRolled.Maths;
using Parity.HandRolled.Model;
using Parity.TorchReference;
using Parity.TorchReference.Protocol;
using Parity.TorchReference.TorchSharp;

namespace Parity.Harness.Bench;

/// <summary>
/// Times the hand-rolled engines, Python PyTorch and TorchSharp on the same shapes. The C# side is timed with a
/// <see cref="Stopwatch"/> after a warm-up, as the median of a few runs of enough steps to last
/// <see cref="TargetSeconds"/>; PyTorch times itself in its worker (<c>perf_counter</c>, same warm-up) and TorchSharp
/// in process (the same loop), both with libtorch's default thread count, so no side pays for a process boundary.
/// Then the <c>parity-trainer/1</c> response rate (<see cref="ProtocolTimes"/>).
/// </summary>
public static class EngineBench
{
    /// <summary>Roughly how long each timed run lasts.</summary>
    public const double TargetSeconds = 0.1;

    /// <summary>The batch sizes of the scaling table (width 256).</summary>
    public static IReadOnlyList<int> Batches { get; } = [16, 64, 256, 1024];

    /// <summary>The hidden widths of the scaling table (batch 256).</summary>
    public static IReadOnlyList<int> Widths { get; } = [64, 128, 256, 512, 1024];

    /// <summary>The hidden activations of the target shape's table ([784, 256, 10], batch 256).</summary>
    public static IReadOnlyList<Activation> HiddenActivations { get; } = [Activation.Sigmoid, Activation.Relu];

    /// <summary>
    /// The losses and optimizers of the training table ([784, 256, 10], batch 256, sigmoid hidden), beside the other
    /// tables' MSE and plain SGD: cross-entropy on logits (an identity output layer, class-index targets) and Adam with
    /// PyTorch's defaults.
    /// </summary>
    public static IReadOnlyList<(Loss Loss, Optimizer Optimizer)> Trainings { get; } =
        [(Loss.CrossEntropy, Optimizer.Plain), (Loss.Mse, Optimizer.Adam()), (Loss.CrossEntropy, Optimizer.Adam())];

    private static readonly NetworkSpec XorNetwork = new([2, 5, 1], [Activation.Sigmoid, Activation.Sigmoid], Bias: false);
    private static readonly Dataset XorData = new([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], [[0.0], [1.0], [1.0], [0.0]]);

    /// <summary>How many times every step shape is timed on each side; each figure is the median of its rounds.</summary>
    public const int Rounds = 5;

    /// <summary>
    /// Runs every measurement; without <paramref name="torch"/> the PyTorch and numpy columns stay empty, without
    /// <paramref name="torchSharp"/> the TorchSharp ones.
    /// </summary>
    /// <remarks>
    /// Each step shape is timed in <see cref="Rounds"/> rounds, and in each round on every side back to back —
    /// hand-rolled, a quiet pause, PyTorch, a pause, TorchSharp, a pause — so that the timings of a round are about a
    /// second apart, and each ratio is the median of the rounds' ratios: this virtual machine switches between a fast and a slow phase
    /// (a third slower) every few seconds, and a ratio of timings taken in different phases measures the phases, not
    /// the engines. The pauses let both sides' BLAS threads, which spin for a while after a product,
    /// go back to sleep, so that neither side is timed while the other's still hold a core.
    /// </remarks>
    public static async Task<BenchReport> RunAsync(
        TorchReferenceClient? torch, TorchSharpReference? torchSharp, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        progress?.Report("XOR epoch, hand-rolled");
        var (fast, readable) = (XorFast(), XorReadable());
        double? numpy = null, xorTorch = null, xorTorchSharp = null;
        var xorOptions = new TrainingOptions(1, 0.6, Loss.Mse);
        if (torch is not null)
        {
            await Task.Delay(Quiet, cancellation).ConfigureAwait(false);
            progress?.Report("XOR epoch, numpy and PyTorch");
            numpy = await torch.BenchNumpyAsync(5000, cancellation).ConfigureAwait(false);
            xorTorch = (await torch.BenchAsync(XorNetwork, xorOptions, 4, repeats: 5000, warmup: 500, XorData, cancellation).ConfigureAwait(false)).SecondsPerStep;
        }

        if (torchSharp is not null)
        {
            await Task.Delay(Quiet, cancellation).ConfigureAwait(false);
            progress?.Report("XOR epoch, TorchSharp");
            xorTorchSharp = (await torchSharp.BenchAsync(XorNetwork, xorOptions, 4, repeats: 5000, warmup: 500, XorData, defaultThreads: true, cancellation).ConfigureAwait(false)).SecondsPerStep;
        }

        var shapes = Batches.Select(batch => new StepShape(batch, 256, Activation.Sigmoid))
            .Concat(Widths.Select(width => new StepShape(256, width, Activation.Sigmoid)))
            .Concat(HiddenActivations.Select(hidden => new StepShape(256, 256, hidden)))
            .Concat(Trainings.Select(training => new StepShape(256, 256, Activation.Sigmoid, training.Loss, training.Optimizer)))
            .ToList();
        var steps = shapes.Select(shape => shape.HandRolledStep(Blas.Default)).ToList();
        var handRolled = shapes.Select(_ => new List<double>()).ToList();
        var python = shapes.Select(_ => new List<double>()).ToList();
        var inProcess = shapes.Select(_ => new List<double>()).ToList();
        int? threads = null, torchSharpThreads = null;
        for (var round = 1; round <= Rounds; round++)
        {
            for (var i = 0; i < shapes.Count; i++)
            {
                var shape = shapes[i];
                progress?.Report($"round {round}/{Rounds}: {shape}");
                await Task.Delay(Quiet, cancellation).ConfigureAwait(false);
                handRolled[i].Add(SecondsPerCall(steps[i], warmupSeconds: round == 1 ? 0.5 : 0.1));
                var (repeats, options) = (StepRepeats(handRolled[i][0]), shape.Options);
                if (torch is not null)
                {
                    await Task.Delay(Quiet, cancellation).ConfigureAwait(false);
                    var timing = await torch.BenchAsync(shape.Network, options, shape.Batch, repeats, warmup: 2 * repeats, null, cancellation).ConfigureAwait(false);
                    python[i].Add(timing.SecondsPerStep);
                    threads = timing.Threads;
                }

                if (torchSharp is not null)
                {
                    await Task.Delay(Quiet, cancellation).ConfigureAwait(false);
                    var timing = await torchSharp.BenchAsync(shape.Network, options, shape.Batch, repeats, warmup: 2 * repeats, null, defaultThreads: true, cancellation).ConfigureAwait(false);
                    inProcess[i].Add(timing.SecondsPerStep);
                    torchSharpThreads = timing.Threads;
                }
            }
        }

        var times = shapes.Select((shape, i) => new StepTimes(
            shape.Batch,
            shape.Width,
            shape.Hidden,
            Median(handRolled[i]),
            MedianOrNull(python[i]),
            RatioOrNull(python[i], handRolled[i]),
            MedianOrNull(inProcess[i]),
            RatioOrNull(inProcess[i], handRolled[i]),
            shape.Loss.Name(),
            shape.Optimizer.Kind.Name())).ToList();
        var (byBatch, byWidth, byActivation) = (Batches.Count, Batches.Count + Widths.Count, Batches.Count + Widths.Count + HiddenActivations.Count);
        progress?.Report("parity-trainer/1 responses, written and read");
        return new BenchReport(
            Blas.Active,
            threads,
            Rounds,
            new XorTimes(fast, readable, numpy, xorTorch, xorTorchSharp),
            times[..byBatch],
            times[byBatch..byWidth],
            times[byWidth..byActivation],
            times[byActivation..],
            torchSharpThreads,
            Protocol());
    }

    /// <summary>
    /// Writes and reads a response of about a million numbers (<see cref="ProtocolSample.Steps"/> of [784, 256, 10], two
    /// steps) as the <c>trainer</c> command and the harness do; each direction is timed as the median of five.
    /// </summary>
    public static ProtocolTimes Protocol()
    {
        var sample = ProtocolSample.Steps([784, 256, 10], steps: 2);
        var text = TrainerProtocol.Response(sample.Trace);
        return new ProtocolTimes(
            sample.Numbers,
            SecondsPerCall(() => TrainerProtocol.Response(sample.Trace), warmupSeconds: 0.5),
            SecondsPerCall(
                () =>
                {
                    using var document = JsonDocument.Parse(text);
                    TrainerProtocol.ReadResponse(document.RootElement, sample.Network, sample.Options, sample.Samples);
                },
                warmupSeconds: 0.5));
    }

    private static double? MedianOrNull(IReadOnlyCollection<double> values) => values.Count > 0 ? Median(values) : null;

    // The median over the rounds of the reference's time over the hand-rolled one in the same round.
    private static double? RatioOrNull(IReadOnlyList<double> reference, IReadOnlyList<double> handRolled) =>
        reference.Count > 0 ? Median(reference.Zip(handRolled, (t, h) => t / h).ToList()) : null;

    private static double Median(IReadOnlyCollection<double> values) => values.Order().ElementAt(values.Count / 2);

    // Long enough for spinning BLAS threads to go back to sleep (OpenBLAS spins for well under 0.1 s).
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(250);

    // Each timed call is one 5000-epoch run from the same initial weights, as the catalogue trains: an XOR net
    // trained far longer saturates its sigmoids, and its timings stop describing the seed question's run.
    private const int XorEpochs = 5000;

    private static double XorFast()
    {
        var initial = Initializers.Uniform01(XorNetwork, seed: 0);
        double[] x = [0, 0, 1, 1, 0, 1, 0, 1], y = [0, 1, 1, 0];
        return SecondsPerCall(() =>
        {
            var mlp = new FastMlp<double>(XorNetwork, initial, 4, Blas.Default);
            x.CopyTo(mlp.Input, 0);
            for (var epoch = 0; epoch < XorEpochs; epoch++)
            {
                mlp.Step(y, Loss.HalfSse, 0.3, Optimizer.Plain);
            }
        }) / XorEpochs;
    }

    private static double XorReadable()
    {
        var initial = Initializers.Uniform01(XorNetwork, seed: 0);
        var x = Matrix<double>.Build.Dense(4, 2, [0, 0, 1, 1, 0, 1, 0, 1]);
        var y = Matrix<double>.Build.Dense(4, 1, [0, 1, 1, 0]);
        return SecondsPerCall(() =>
        {
            var mlp = new Mlp<double>(XorNetwork, initial);
            for (var epoch = 0; epoch < XorEpochs; epoch++)
            {
                var forward = mlp.Forward(x);
                _ = LossFunctions.Mse(forward.Layers[^1], y);
                mlp.Update(mlp.Backward(forward, y, Loss.HalfSse), 0.3, Optimizer.Plain);
            }
        }) / XorEpochs;
    }

    // Each reference gets as many steps as make about TargetSeconds at the hand-rolled speed (at least 5), after a
    // warm-up twice as long, as the hand-rolled side warms up for about half a second.
    private static int StepRepeats(double handRolled) => (int)Math.Clamp(TargetSeconds / handRolled, 5, 5000);

    // The first warm-up is long enough for tiered JIT to reach its optimised code (it waits ~100 ms of quiet before
    // promoting methods); each warm-up also calibrates the run length; then the median of five runs of
    // ~TargetSeconds / 5.
    private static double SecondsPerCall(Action call, double warmupSeconds = 0.5)
    {
        var calls = 1;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < warmupSeconds)
        {
            for (var i = 0; i < calls; i++)
            {
                call();
            }

            calls *= 2;
        }

        var perCall = watch.Elapsed.TotalSeconds / (calls - 1);
        var n = Math.Max(1, (int)(TargetSeconds / 5 / perCall));
        var runs = new double[5];
        for (var r = 0; r < runs.Length; r++)
        {
            watch.Restart();
            for (var i = 0; i < n; i++)
            {
                call();
            }

            runs[r] = watch.Elapsed.TotalSeconds / n;
        }

        return Median(runs);
    }
}
