using Parity.HandRolled.Model;

namespace Parity.Harness.Scenarios;

/// <summary>How one side (hand-rolled or PyTorch) trains.</summary>
/// <param name="Loss">What it optimises.</param>
/// <param name="LearningRate">The optimiser's step size, &gt; 0.</param>
/// <param name="DType">float64 or float32.</param>
/// <param name="Batch">full, per-sample or mini-batches (<paramref name="MiniBatch"/>).</param>
/// <param name="Optimizer">The <c>torch.optim</c> optimiser and its hyperparameters.</param>
/// <param name="Bias">Overrides the network's bias for this side only (the seed question's PyTorch side had bias).</param>
/// <param name="Init">Overrides the shared initial parameters for this side only.</param>
/// <param name="MiniBatch">Size, order and last batch when <paramref name="Batch"/> is mini-batches.</param>
/// <param name="Logged">What every epoch logs; the scenario's, the same for both sides.</param>
/// <param name="Schedule">How the learning rate decays from epoch to epoch (StepLR); constant when null.</param>
public sealed record SideSpec(
    Loss Loss,
    double LearningRate,
    DType DType,
    BatchMode Batch,
    Optimizer Optimizer,
    bool? Bias = null,
    InitSpec? Init = null,
    MiniBatch? MiniBatch = null,
    Logged Logged = Logged.Mse,
    Schedule? Schedule = null)
{
    /// <summary>The engine options for this side.</summary>
    public TrainingOptions ToOptions(int epochs, int stepDetails) =>
        new(epochs, LearningRate, Loss, DType, Batch, Optimizer, stepDetails, MiniBatch, Logged, Schedule);

    /// <summary>Whether this side's loss takes class indices as targets (cross-entropy, NLL) rather than values.</summary>
    public bool TakesClassIndices => Loss is Loss.CrossEntropy or Loss.Nll;
}
