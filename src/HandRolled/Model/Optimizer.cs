namespace Parity.HandRolled.Model;

/// <summary>
/// A <c>torch.optim</c> optimiser with its hyperparameters, PyTorch's semantics and defaults exactly
/// (docs/contracts.md spells out each update). The members a kind does not use keep their defaults.
/// </summary>
/// <param name="Momentum">SGD's and RMSprop's momentum μ, in [0, 1); 0 for none.</param>
/// <param name="WeightDecay">λ: added to the gradient as λ·p (SGD, Adam, RMSprop), or decoupled, p ← p·(1 − lr·λ) (AdamW).</param>
/// <param name="Kind">The algorithm.</param>
/// <param name="Dampening">SGD: the buffer is μ·b + (1 − dampening)·d after its first step.</param>
/// <param name="Nesterov">SGD: step along d + μ·b instead of b (needs momentum and no dampening).</param>
/// <param name="Beta1">Adam/AdamW: the first moment's decay.</param>
/// <param name="Beta2">Adam/AdamW: the second moment's decay.</param>
/// <param name="Eps">Adam/AdamW/RMSprop: added to the square root of the (bias-corrected) second moment, outside it.</param>
/// <param name="Amsgrad">Adam/AdamW: step with the running maximum of the second moment.</param>
/// <param name="Alpha">RMSprop: the smoothing constant of the running mean of g².</param>
/// <param name="Centered">RMSprop: divide by the estimated variance (mean of g² less the square of the mean of g).</param>
public sealed record Optimizer(
    double Momentum = 0,
    double WeightDecay = 0,
    OptimizerKind Kind = OptimizerKind.Sgd,
    double Dampening = 0,
    bool Nesterov = false,
    double Beta1 = 0.9,
    double Beta2 = 0.999,
    double Eps = 1e-8,
    bool Amsgrad = false,
    double Alpha = 0.99,
    bool Centered = false)
{
    /// <summary>Plain SGD: p ← p − lr·g.</summary>
    public static Optimizer Plain { get; } = new();

    /// <summary><c>torch.optim.SGD</c>'s defaults for the given members.</summary>
    public static Optimizer Sgd(double momentum = 0, double dampening = 0, bool nesterov = false, double weightDecay = 0) =>
        new(momentum, weightDecay, OptimizerKind.Sgd, Dampening: dampening, Nesterov: nesterov);

    /// <summary><c>torch.optim.Adam</c>'s defaults (betas 0.9, 0.999; eps 1e-8; weight decay 0) for the given members.</summary>
    public static Optimizer Adam(double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0, bool amsgrad = false) =>
        new(0, weightDecay, OptimizerKind.Adam, Beta1: beta1, Beta2: beta2, Eps: eps, Amsgrad: amsgrad);

    /// <summary><c>torch.optim.AdamW</c>'s defaults — weight decay 0.01, not Adam's 0 — for the given members.</summary>
    public static Optimizer AdamW(double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0.01, bool amsgrad = false) =>
        new(0, weightDecay, OptimizerKind.AdamW, Beta1: beta1, Beta2: beta2, Eps: eps, Amsgrad: amsgrad);

    /// <summary><c>torch.optim.RMSprop</c>'s defaults (alpha 0.99, eps 1e-8, momentum 0, not centered) for the given members.</summary>
    public static Optimizer RmsProp(double alpha = 0.99, double eps = 1e-8, double momentum = 0, bool centered = false, double weightDecay = 0) =>
        new(momentum, weightDecay, OptimizerKind.RmsProp, Eps: eps, Alpha: alpha, Centered: centered);
}
