namespace Parity.HandRolled.Model;

/// <summary>How one side trains.</summary>
/// <param name="Epochs">Passes over the data.</param>
/// <param name="LearningRate">The optimiser's step size.</param>
/// <param name="Loss">What is optimised.</param>
/// <param name="DType">What it computes in.</param>
/// <param name="Batch">Full batch, per sample, or mini-batches (<paramref name="MiniBatch"/>).</param>
/// <param name="Optimizer">The <c>torch.optim</c> optimiser; plain SGD when null.</param>
/// <param name="StepDetails">How many first updates to record with gradients and parameters.</param>
/// <param name="MiniBatch">The mini-batches when <paramref name="Batch"/> is <see cref="BatchMode.MiniBatch"/>.</param>
/// <param name="Logged">What each epoch logs: the mean over its updates of that update's logged value before it.</param>
/// <param name="Schedule">How the learning rate changes from epoch to epoch; constant when null.</param>
public sealed record TrainingOptions(
    int Epochs,
    double LearningRate,
    Loss Loss,
    DType DType = DType.Float64,
    BatchMode Batch = BatchMode.Full,
    Optimizer? Optimizer = null,
    int StepDetails = 0,
    MiniBatch? MiniBatch = null,
    Logged Logged = Logged.Mse,
    Schedule? Schedule = null)
{
    /// <summary>The optimiser in force: plain SGD unless one is given.</summary>
    public Optimizer Optim => Optimizer ?? Optimizer.Plain;

    /// <summary>The learning rate of each epoch: <see cref="LearningRate"/> throughout, or as <see cref="Schedule"/> decays it.</summary>
    public double[] LearningRates() =>
        Schedule?.Rates(LearningRate, Epochs) ?? [.. Enumerable.Repeat(LearningRate, Epochs)];
}
