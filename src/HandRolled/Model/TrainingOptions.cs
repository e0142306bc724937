namespace Parity.HandRolled.Model;

/// <summary>How one side trains.</summary>
/// <param name="Epochs">Passes over the data.</param>
/// <param name="LearningRate">SGD step size.</param>
/// <param name="Loss">What is optimised.</param>
/// <param name="DType">What it computes in.</param>
/// <param name="Batch">Full batch or per sample.</param>
/// <param name="Optimizer">Momentum and weight decay; plain SGD when null.</param>
/// <param name="StepDetails">How many first updates to record with gradients and parameters.</param>
public sealed record TrainingOptions(
    int Epochs,
    double LearningRate,
    Loss Loss,
    DType DType = DType.Float64,
    BatchMode Batch = BatchMode.Full,
    Optimizer? Optimizer = null,
    int StepDetails = 0)
{
    /// <summary>The optimiser in force: plain SGD unless one is given.</summary>
    public Optimizer Sgd => Optimizer ?? Optimizer.Plain;
}
