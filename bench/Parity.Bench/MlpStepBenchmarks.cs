using BenchmarkDotNet.Attributes;
using Parity.HandRolled;
using Parity.HandRolled.Fast;
using Parity.HandRolled.Init;
using Parity.HandRolled.Model;

namespace Parity.Bench;

/// <summary>
/// One SGD step of a realistic MLP: [784, 256, 10], a sigmoid or relu hidden layer and a sigmoid output, bias, batch
/// 256, float32, MSE — the fast engine with its products on MathNet's managed provider and on the system's OpenBLAS.
/// </summary>
[MemoryDiagnoser]
public class MlpStepBenchmarks
{
    private const int Rows = 256;

    private FastMlp<float> managed = null!;
    private FastMlp<float> native = null!;
    private float[] targets = null!;

    /// <summary>The hidden layer's activation.</summary>
    [Params(Activation.Sigmoid, Activation.Relu)]
    public Activation Hidden { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var network = new NetworkSpec([784, 256, 10], [Hidden, Activation.Sigmoid], Bias: true);
        var initial = Initializers.Glorot(network, seed: 0, gain: 1);
        var random = new Random(0);
        var inputs = Enumerable.Range(0, Rows * 784).Select(_ => random.NextSingle()).ToArray();
        targets = Enumerable.Range(0, Rows * 10).Select(_ => random.NextSingle()).ToArray();
        managed = new FastMlp<float>(network, initial, Rows, Blas.Managed);
        native = new FastMlp<float>(network, initial, Rows, Blas.System ?? Blas.Managed);
        inputs.CopyTo(managed.Input, 0);
        inputs.CopyTo(native.Input, 0);
    }

    [Benchmark(Baseline = true)]
    public float Managed() => managed.Step(targets, Loss.Mse, 0.1, Optimizer.Plain);

    [Benchmark]
    public float OpenBlas() => native.Step(targets, Loss.Mse, 0.1, Optimizer.Plain);
}
