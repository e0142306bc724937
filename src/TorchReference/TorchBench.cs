namespace Parity.TorchReference;

/// <summary>One PyTorch timing: seconds per training step, and the intra-op threads PyTorch ran with.</summary>
public sealed record TorchBench(double SecondsPerStep, int Threads);
