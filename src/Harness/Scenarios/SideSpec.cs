using Parity.HandRolled.Model;

namespace Parity.Harness.Scenarios;

/// <summary>How one side (hand-rolled or PyTorch) trains.</summary>
/// <param name="Loss">What it optimises.</param>
/// <param name="LearningRate">SGD step size, &gt; 0.</param>
/// <param name="DType">float64 or float32.</param>
/// <param name="Batch">full or per-sample.</param>
/// <param name="Optimizer">Momentum and weight decay (PyTorch's SGD semantics).</param>
/// <param name="Bias">Overrides the network's bias for this side only (the seed question's PyTorch side had bias).</param>
/// <param name="Init">Overrides the shared initial parameters for this side only.</param>
public sealed record SideSpec(
    Loss Loss,
    double LearningRate,
    DType DType,
    BatchMode Batch,
    Optimizer Optimizer,
    bool? Bias = null,
    InitSpec? Init = null)
{
    /// <summary>The engine options for this side.</summary>
    public TrainingOptions ToOptions(int epochs, int stepDetails) =>
        new(epochs, LearningRate, Loss, DType, Batch, Optimizer, stepDetails);
}
