namespace Parity.HandRolled.Model;

/// <summary>
/// What a side optimises, with PyTorch's definitions over predictions p and targets t of shape (N, D).
/// The logged loss is always the true MSE, whatever is optimised.
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
}
