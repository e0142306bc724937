namespace Parity.Harness.Bench;

/// <summary>
/// What <see cref="EngineBench"/> measured, in seconds: the seed question's XOR epoch on every implementation, one
/// training step of [784, width, 10] as the batch and the width grow, hand-rolled (fast engine) against Python PyTorch
/// and against TorchSharp, and the rate at which <c>parity-trainer/1</c> responses are written and read.
/// </summary>
/// <param name="Blas">Where the hand-rolled engine's large products ran (<see cref="HandRolled.Blas.Active"/>).</param>
/// <param name="TorchThreads">Python PyTorch's intra-op threads (its default here); null where it was not available.</param>
/// <param name="Rounds">How many times each step shape was timed on each side; each step figure is the median.</param>
/// <param name="Xor">Seconds per XOR epoch.</param>
/// <param name="ByBatch">Steps at a fixed width, growing batch.</param>
/// <param name="ByWidth">Steps at a fixed batch, growing width.</param>
/// <param name="ByActivation">[784, 256, 10], batch 256, with each hidden activation the performance target names.</param>
/// <param name="ByTraining">[784, 256, 10], batch 256, sigmoid hidden, with each of <see cref="EngineBench.Trainings"/>: cross-entropy and Adam.</param>
/// <param name="TorchSharpThreads">libtorch's intra-op threads under TorchSharp (its default here); null where TorchSharp was not available.</param>
/// <param name="Protocol">How fast a response is written and read.</param>
public sealed record BenchReport(
    string Blas,
    int? TorchThreads,
    int Rounds,
    XorTimes Xor,
    IReadOnlyList<StepTimes> ByBatch,
    IReadOnlyList<StepTimes> ByWidth,
    IReadOnlyList<StepTimes> ByActivation,
    IReadOnlyList<StepTimes> ByTraining,
    int? TorchSharpThreads,
    ProtocolTimes Protocol);

/// <summary>
/// Seconds per XOR epoch ([2, 5, 1] sigmoid, float64, full batch); null where that implementation was not available:
/// numpy and PyTorch through the Python worker, TorchSharp in process.
/// </summary>
public sealed record XorTimes(double Fast, double Readable, double? Numpy, double? Torch, double? TorchSharp);

/// <summary>
/// Seconds per training step of [784, <paramref name="Width"/>, 10], float32, <paramref name="Hidden"/> then sigmoid
/// (identity under cross-entropy), with <paramref name="Loss"/> and <paramref name="Optimizer"/>: each side's median over the rounds, and each speedup, the median over the rounds of that reference's time
/// over the hand-rolled one in the same round (above 1, the hand-rolled engine is faster).
/// </summary>
/// <param name="Batch">Rows per step.</param>
/// <param name="Width">The hidden layer's width.</param>
/// <param name="Hidden">The hidden layer's activation.</param>
/// <param name="HandRolled">The fast engine.</param>
/// <param name="Torch">Python PyTorch; null where it was not available.</param>
/// <param name="Speedup">Python PyTorch / hand-rolled.</param>
/// <param name="TorchSharp">TorchSharp (libtorch in process); null where it was not available.</param>
/// <param name="TorchSharpSpeedup">TorchSharp / hand-rolled.</param>
/// <param name="Loss">The loss, by its scenario name (<c>mse</c>, <c>cross-entropy</c>).</param>
/// <param name="Optimizer">The optimizer's kind, by its scenario name (<c>sgd</c>: plain SGD; <c>adam</c>: PyTorch's defaults).</param>
public sealed record StepTimes(
    int Batch,
    int Width,
    HandRolled.Model.Activation Hidden,
    double HandRolled,
    double? Torch,
    double? Speedup,
    double? TorchSharp,
    double? TorchSharpSpeedup,
    string Loss,
    string Optimizer);

/// <summary>
/// A <c>parity-trainer/1</c> response of <paramref name="Numbers"/> numbers (<see cref="ProtocolSample.Steps"/>), written
/// (<c>TrainerProtocol.Response</c>) and read (<c>JsonDocument</c>, then <c>TrainerProtocol.ReadResponse</c>): seconds for
/// the whole response, the median of five.
/// </summary>
public sealed record ProtocolTimes(long Numbers, double WriteSeconds, double ReadSeconds)
{
    /// <summary>Numbers written per second.</summary>
    public double WritePerSecond => Numbers / WriteSeconds;

    /// <summary>Numbers read per second.</summary>
    public double ReadPerSecond => Numbers / ReadSeconds;
}
