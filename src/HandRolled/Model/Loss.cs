namespace Parity.HandRolled.Model;

/// <summary>
/// What a side optimises, with PyTorch's definitions over predictions p of shape (N, D) and targets t: (N, D) values
/// for the regression losses and BCE, (N, 1) class indices 0…D−1 for cross-entropy and NLL. Every loss is reduced by
/// its mean, as PyTorch's default <c>reduction='mean'</c>, except <see cref="Sse"/> and <see cref="HalfSse"/>.
/// </summary>
public enum Loss
{
    /// <summary>mean((p − t)²) over N·D elements: <c>nn.MSELoss()</c>.</summary>
    Mse,

    /// <summary>Σ(p − t)²: <c>nn.MSELoss(reduction='sum')</c>.</summary>
    Sse,

    /// <summary>0.5·Σ(p − t)²: the loss whose gradient the seed's numpy code computes.</summary>
    HalfSse,

    /// <summary>0.5·mean((p − t)²).</summary>
    HalfMse,

    /// <summary>mean|p − t|: <c>nn.L1Loss()</c>; the derivative of |x| at 0 is 0.</summary>
    L1,

    /// <summary>mean of 0.5·x² where |x| &lt; 1, else |x| − 0.5: <c>nn.SmoothL1Loss()</c> with β = 1.</summary>
    SmoothL1,

    /// <summary>
    /// <c>nn.CrossEntropyLoss()</c>: p are logits, t class indices; mean over the N rows of
    /// log Σ_j e^(p_j) − p_t (computed as log-softmax, shifted by the row's max).
    /// </summary>
    CrossEntropy,

    /// <summary><c>nn.NLLLoss()</c>: p are log-probabilities, t class indices; mean over the rows of −p_t.</summary>
    Nll,

    /// <summary>
    /// <c>nn.BCELoss()</c>: p are probabilities, t values in [0, 1]; mean over N·D of −(t·log p + (1 − t)·log(1 − p)),
    /// each log clamped to ≥ −100 as PyTorch does.
    /// </summary>
    Bce,

    /// <summary>
    /// <c>nn.BCEWithLogitsLoss()</c>: p are logits; mean over N·D of (1 − t)·p + log(1 + e^−p), computed as
    /// max(p, 0) − p·t + log(1 + e^−|p|).
    /// </summary>
    BceWithLogits,
}
