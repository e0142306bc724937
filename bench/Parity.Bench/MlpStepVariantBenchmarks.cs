using BenchmarkDotNet.Attributes;
using Parity.HandRolled;
using Parity.HandRolled.Fast;
using Parity.HandRolled.Init;
using Parity.HandRolled.Model;

namespace Parity.Bench;

/// <summary>
/// One training step of [784, 256, 10], sigmoid hidden layer, bias, batch 256, float32, products on the system's
/// OpenBLAS, with the optimizer and loss: SGD or Adam, MSE on a sigmoid output or cross-entropy on logits
/// (class-index targets). SGD with MSE is <see cref="MlpStepBenchmarks.OpenBlas"/>'s step, for reference.
/// </summary>
[MemoryDiagnoser]
public class MlpStepVariantBenchmarks
{
    private const int Rows = 256;

    private FastMlp<float> mse = null!;
    private FastMlp<float> mseAdam = null!;
    private FastMlp<float> crossEntropy = null!;
    private FastMlp<float> crossEntropyAdam = null!;
    private float[] targets = null!;
    private float[] labels = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(0);
        var inputs = Enumerable.Range(0, Rows * 784).Select(_ => random.NextSingle()).ToArray();
        targets = Enumerable.Range(0, Rows * 10).Select(_ => random.NextSingle()).ToArray();
        labels = Enumerable.Range(0, Rows).Select(_ => (float)random.Next(10)).ToArray();
        FastMlp<float> Engine(Activation output)
        {
            var network = new NetworkSpec([784, 256, 10], [Activation.Sigmoid, output], Bias: true);
            var mlp = new FastMlp<float>(network, Initializers.Glorot(network, seed: 0, gain: 1), Rows, Blas.System ?? Blas.Managed);
            inputs.CopyTo(mlp.Input, 0);
            return mlp;
        }

        (mse, mseAdam) = (Engine(Activation.Sigmoid), Engine(Activation.Sigmoid));
        (crossEntropy, crossEntropyAdam) = (Engine(Activation.Identity), Engine(Activation.Identity));
    }

    [Benchmark(Baseline = true)]
    public float SgdMse() => mse.Step(targets, Loss.Mse, 0.1, Optimizer.Plain);

    [Benchmark]
    public float AdamMse() => mseAdam.Step(targets, Loss.Mse, 1e-3, AdamDefaults);

    [Benchmark]
    public float SgdCrossEntropy() => crossEntropy.Step(labels, Loss.CrossEntropy, 0.1, Optimizer.Plain, Logged.CrossEntropy);

    [Benchmark]
    public float AdamCrossEntropy() => crossEntropyAdam.Step(labels, Loss.CrossEntropy, 1e-3, AdamDefaults, Logged.CrossEntropy);

    private static Optimizer AdamDefaults { get; } = Optimizer.Adam();
}
