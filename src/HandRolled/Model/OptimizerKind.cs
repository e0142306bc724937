namespace Parity.HandRolled.Model;

/// <summary>Which <c>torch.optim</c> algorithm updates the parameters.</summary>
public enum OptimizerKind
{
    /// <summary><c>torch.optim.SGD</c>: momentum, dampening, Nesterov, L2 weight decay.</summary>
    Sgd,

    /// <summary><c>torch.optim.Adam</c>: bias-corrected moments, ε outside the square root, L2 weight decay.</summary>
    Adam,

    /// <summary><c>torch.optim.AdamW</c>: Adam with decoupled weight decay, p ← p·(1 − lr·λ) before the step.</summary>
    AdamW,

    /// <summary><c>torch.optim.RMSprop</c>: a running mean of g², optionally centered, optional momentum.</summary>
    RmsProp,
}
