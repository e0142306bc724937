namespace Parity.HandRolled.Model;

/// <summary>
/// <c>torch.optim.SGD</c> semantics: d = g + weightDecay·p; with momentum the buffer starts as the first d,
/// then b = momentum·b + d (dampening 0, no Nesterov); p −= lr·b.
/// </summary>
/// <param name="Momentum">0 for plain SGD.</param>
/// <param name="WeightDecay">L2 coefficient added to the gradient.</param>
public sealed record Optimizer(double Momentum = 0, double WeightDecay = 0)
{
    /// <summary>Plain SGD.</summary>
    public static Optimizer Plain { get; } = new();
}
