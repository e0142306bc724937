namespace Parity.Harness.Explain;

/// <summary>
/// The ways the two sides of a scenario can differ, in the order <c>parity explain</c> lists them. The seed answer
/// found the first four on XOR (bias, initialisation, loss logging, the gradient scale of <c>nn.MSELoss</c>); the
/// logged loss is fixed by the contract (always true MSE), so it is not one of them.
/// </summary>
public enum DifferenceKind
{
    /// <summary>One side's affine layers have bias vectors, the other's do not.</summary>
    Bias,

    /// <summary>The sides start from different parameters.</summary>
    Init,

    /// <summary>The sides optimise losses that no constant factor relates (L1 against MSE, say).</summary>
    Loss,

    /// <summary>The sides' steps differ by a constant factor: learning rate × the loss's gradient scale.</summary>
    LearningRateScale,

    /// <summary>float32 against float64.</summary>
    DType,

    /// <summary>How the updates are batched: full, per sample, or mini-batches of another size, order or last batch.</summary>
    Batch,

    /// <summary>The optimiser: its kind or any of its hyperparameters.</summary>
    Optimizer,

    /// <summary>The learning-rate schedule: one side decays its rate, or both do differently.</summary>
    Schedule,
}
