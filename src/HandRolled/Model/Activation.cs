namespace Parity.HandRolled.Model;

/// <summary>The non-linearity after a layer's affine map, as in <c>torch.nn</c>.</summary>
public enum Activation
{
    /// <summary>σ(z) = 1 / (1 + e^−z); σ'(z) = σ(z)·(1 − σ(z)).</summary>
    Sigmoid,

    /// <summary>tanh(z); tanh'(z) = 1 − tanh²(z).</summary>
    Tanh,

    /// <summary>max(0, z); the derivative at 0 is 0, as in PyTorch.</summary>
    Relu,

    /// <summary>scale·(z if z &gt; 0 else α·(e^z − 1)), PyTorch's SELU constants.</summary>
    Selu,

    /// <summary>z itself: a linear output layer.</summary>
    Identity,

    /// <summary>
    /// <c>nn.Softmax(dim=1)</c>: each row's e^(z − max z) / Σ e^(z − max z). Not element-wise: its Jacobian couples the
    /// row, so it may only be the last layer's activation.
    /// </summary>
    Softmax,

    /// <summary><c>nn.LogSoftmax(dim=1)</c>: each row's z − max z − log Σ e^(z − max z). The last layer's only.</summary>
    LogSoftmax,
}
