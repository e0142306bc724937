using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using Parity.HandRolled;
using Parity.HandRolled.Fast;
using Parity.HandRolled.Init;
using Parity.HandRolled.Maths;
using Parity.HandRolled.Model;
using Parity.TorchReference;

namespace Parity.Harness.Bench;

/// <summary>
/// Times the hand-rolled engines and PyTorch on the same shapes. The C# side is timed with a
/// <see cref="Stopwatch"/> after a warm-up, as the median of a few runs of enough steps to last
/// <see cref="TargetSeconds"/>; PyTorch times itself in its worker (<c>perf_counter</c>, same warm-up), so neither
/// side pays for the other's process boundary.
/// </summary>
public static class EngineBench
{
    /// <summary>Roughly how long each timed run lasts.</summary>
    public const double TargetSeconds = 0.2;

    /// <summary>The batch sizes of the scaling table (width 256).</summary>
    public static IReadOnlyList<int> Batches { get; } = [16, 64, 256, 1024];

    /// <summary>The hidden widths of the scaling table (batch 256).</summary>
    public static IReadOnlyList<int> Widths { get; } = [64, 128, 256, 512, 1024];

    private static readonly NetworkSpec XorNetwork = new([2, 5, 1], [Activation.Sigmoid, Activation.Sigmoid], Bias: false);
    private static readonly Dataset XorData = new([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], [[0.0], [1.0], [1.0], [0.0]]);

    /// <summary>Runs every measurement; without <paramref name="torch"/> the PyTorch and numpy columns stay empty.</summary>
    public static async Task<BenchReport> RunAsync(TorchReferenceClient? torch, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        progress?.Report("XOR epoch");
        var xor = new XorTimes(
            XorFast(),
            XorReadable(),
            torch is null ? null : await torch.BenchNumpyAsync(5000, cancellation).ConfigureAwait(false),
            torch is null ? null : await torch.BenchAsync(
                XorNetwork, new TrainingOptions(1, 0.6, Loss.Mse), 4, repeats: 5000, warmup: 500, XorData, cancellation).ConfigureAwait(false));

        var byBatch = new List<StepTimes>();
        foreach (var batch in Batches)
        {
            progress?.Report($"[784, 256, 10] batch {batch}");
            byBatch.Add(await StepAsync(torch, batch, 256, cancellation).ConfigureAwait(false));
        }

        var byWidth = new List<StepTimes>();
        foreach (var width in Widths)
        {
            progress?.Report($"[784, {width}, 10] batch 256");
            byWidth.Add(await StepAsync(torch, 256, width, cancellation).ConfigureAwait(false));
        }

        return new BenchReport(Blas.Active, xor, byBatch, byWidth);
    }

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

    private static async Task<StepTimes> StepAsync(TorchReferenceClient? torch, int batch, int width, CancellationToken cancellation)
    {
        var network = new NetworkSpec([784, width, 10], [Activation.Sigmoid, Activation.Sigmoid], Bias: true);
        var random = new Random(0);
        var mlp = new FastMlp<float>(network, Initializers.Glorot(network, seed: 0, gain: 1), batch, Blas.Default);
        for (var i = 0; i < mlp.Input.Length; i++)
        {
            mlp.Input[i] = random.NextSingle();
        }

        var targets = Enumerable.Range(0, batch * 10).Select(_ => random.NextSingle()).ToArray();
        var handRolled = SecondsPerCall(() => mlp.Step(targets, Loss.Mse, 0.1f, Optimizer.Plain));
        double? reference = null;
        if (torch is not null)
        {
            // PyTorch gets as many steps as make about TargetSeconds at the hand-rolled speed (at least 5).
            var repeats = (int)Math.Clamp(TargetSeconds / handRolled, 5, 5000);
            reference = await torch.BenchAsync(
                network, new TrainingOptions(1, 0.1, Loss.Mse, DType.Float32), batch, repeats, warmup: Math.Min(repeats, 10), null, cancellation).ConfigureAwait(false);
        }

        return new StepTimes(batch, width, handRolled, reference);
    }

    // Warm-up long enough for tiered JIT to reach its optimised code (it waits ~100 ms of quiet before promoting
    // methods), which also calibrates the run length; then the median of five runs of ~TargetSeconds / 5.
    private static double SecondsPerCall(Action call)
    {
        const double WarmupSeconds = 0.5;
        var calls = 1;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < WarmupSeconds)
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

        Array.Sort(runs);
        return runs[runs.Length / 2];
    }
}
