namespace Parity.Harness.Bench;

/// <summary>
/// What <see cref="EngineBench"/> measured, in seconds: the seed question's XOR epoch on every implementation, and
/// one training step of [784, width, 10] as the batch and the width grow, hand-rolled (fast engine) against PyTorch.
/// </summary>
/// <param name="Blas">Where the hand-rolled engine's large products ran (<see cref="HandRolled.Blas.Active"/>).</param>
/// <param name="TorchThreads">PyTorch's intra-op threads (its default here); null where PyTorch was not available.</param>
/// <param name="Rounds">How many times each step shape was timed on each side; each step figure is the median.</param>
/// <param name="Xor">Seconds per XOR epoch.</param>
/// <param name="ByBatch">Steps at a fixed width, growing batch.</param>
/// <param name="ByWidth">Steps at a fixed batch, growing width.</param>
/// <param name="ByActivation">[784, 256, 10], batch 256, with each hidden activation the performance target names.</param>
public sealed record BenchReport(
    string Blas, int? TorchThreads, int Rounds, XorTimes Xor, IReadOnlyList<StepTimes> ByBatch, IReadOnlyList<StepTimes> ByWidth, IReadOnlyList<StepTimes> ByActivation);

/// <summary>Seconds per XOR epoch ([2, 5, 1] sigmoid, float64, full batch); null where PyTorch was not available.</summary>
public sealed record XorTimes(double Fast, double Readable, double? Numpy, double? Torch);

/// <summary>
/// Seconds per training step of [784, <paramref name="Width"/>, 10], float32, <paramref name="Hidden"/> then sigmoid,
/// MSE, SGD: each side's median over the rounds, and <paramref name="Speedup"/>, the median over the rounds of
/// PyTorch's time over the hand-rolled one in the same round (above 1, the hand-rolled engine is faster).
/// </summary>
public sealed record StepTimes(int Batch, int Width, HandRolled.Model.Activation Hidden, double HandRolled, double? Torch, double? Speedup);
