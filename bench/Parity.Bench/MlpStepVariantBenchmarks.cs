using BenchmarkDotNet.Attributes;
using Parity.HandRolled;
using Parity.HandRolled.Fast;
using Parity.HandRolled.Init;
using Parity.HandRolled.Model;

namespace Parity.Bench;

/// <summary>
/// One training step of [784, 256, 10], sigmoid hidden layer, bias, batch 256, float32, products on the system's
/// OpenBLAS, with the optimizer and loss: SGD (lr 0.1) or Adam (torch.optim's defaults, lr 1e-3), MSE on a
/// sigmoid output or cross-entropy on logits (class-index targets). SGD with MSE is
/// <see cref="MlpStepBenchmarks.OpenBlas"/>'s step. One engine per case, made in the setup.
/// </summary>
[MemoryDiagnoser]
public class MlpStepVariantBenchmarks
{
    private const int Rows = 256;

    private FastMlp<float> mlp = null!;
    private float[] targets = null!;
    private Loss loss;
    private Optimizer optimizer = null!;
    private double learningRate;
    private Logged logged;

    /// <summary>The optimizer: <c>sgd</c> or <c>adam</c>.</summary>
    [Params("sgd", "adam")]
    public string Optimizer { get; set; } = "";

    /// <summary>The loss: <c>mse</c> (sigmoid output) or <c>cross-entropy</c> (logits).</summary>
    [Params("mse", "cross-entropy")]
    public string Loss { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(0);
        var inputs = Enumerable.Range(0, Rows * 784).Select(_ => random.NextSingle()).ToArray();
        (loss, logged) = Loss == "mse" ? (HandRolled.Model.Loss.Mse, Logged.Mse) : (HandRolled.Model.Loss.CrossEntropy, Logged.CrossEntropy);
        targets = loss == HandRolled.Model.Loss.Mse
            ? [.. Enumerable.Range(0, Rows * 10).Select(_ => random.NextSingle())]
            : [.. Enumerable.Range(0, Rows).Select(_ => (float)random.Next(10))];
        (optimizer, learningRate) = Optimizer == "sgd" ? (HandRolled.Model.Optimizer.Plain, 0.1) : (HandRolled.Model.Optimizer.Adam(), 1e-3);
        var output = loss == HandRolled.Model.Loss.Mse ? Activation.Sigmoid : Activation.Identity;
        var network = new NetworkSpec([784, 256, 10], [Activation.Sigmoid, output], Bias: true);
        mlp = new FastMlp<float>(network, Initializers.Glorot(network, seed: 0, gain: 1), Rows, Blas.System ?? Blas.Managed);
        inputs.CopyTo(mlp.Input, 0);
    }

    [Benchmark]
    public float Step() => mlp.Step(targets, loss, learningRate, optimizer, logged);
}
