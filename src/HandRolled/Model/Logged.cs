namespace Parity.HandRolled.Model;

/// <summary>
/// The quantity each epoch logs, whatever a side optimises: the curves compared are these logged values, computed the
/// same way for both sides.
/// </summary>
public enum Logged
{
    /// <summary>The true MSE of the output, mean((p − t)²) over N·D: the seed question's quantity.</summary>
    Mse,

    /// <summary>The mean cross-entropy of the output taken as logits against class-index targets.</summary>
    CrossEntropy,
}
