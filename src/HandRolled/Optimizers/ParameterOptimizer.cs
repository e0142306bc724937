using System.Numerics;
using Parity.HandRolled.Maths.Lanes;
using Parity.HandRolled.Model;

namespace Parity.HandRolled.Optimizers;

/// <summary>
/// A <c>torch.optim</c> optimizer over a network's parameter tensors, with its per-tensor state: the one update rule
/// of each kind that both engines and the diagnosis's oracle run. Each follows PyTorch 2.x's single-tensor algorithm
/// (<c>foreach=False</c>, what PyTorch runs on CPU) operation for operation: every scalar coefficient is computed in
/// float64 as Python computes it, then rounded to T as a CPU kernel receives it; every tensor operation is
/// element-wise, on <see cref="Maths.Lanes.ILanes{TSelf, T}"/>. Where PyTorch's kernels fuse <c>add(x, alpha=a)</c>
/// into one multiply-add, this rounds the product and the sum apart, as numpy does (<c>W -= lr * dW</c>): a difference
/// in the last bit of an update, not in its value.
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
internal abstract class ParameterOptimizer<T>
    where T : struct, IFloatingPointIeee754<T>
{
    private protected ParameterOptimizer(Optimizer hyperparameters) => Hyperparameters = hyperparameters;

    /// <summary>The kind and its hyperparameters.</summary>
    public Optimizer Hyperparameters { get; }

    /// <summary>The optimizer for tensors of the given sizes (in the order <see cref="Step"/> numbers them), its state as torch.optim starts it.</summary>
    public static ParameterOptimizer<T> For(Optimizer optimizer, IReadOnlyList<int> sizes) => optimizer.Kind switch
    {
        OptimizerKind.Sgd => new Sgd<T>(optimizer, sizes),
        OptimizerKind.Adam or OptimizerKind.AdamW => new Adam<T>(optimizer, sizes),
        OptimizerKind.RmsProp => new RmsProp<T>(optimizer, sizes),
        _ => throw new ArgumentOutOfRangeException(nameof(optimizer), optimizer.Kind, null),
    };

    /// <summary>
    /// One step for tensor <paramref name="tensor"/>: <paramref name="parameter"/> is updated in place from its gradient,
    /// and the tensor's state (momentum, moments, step count) carried to its next step.
    /// </summary>
    /// <remarks>
    /// Implementations are never inlined: each is compiled on its own with its lane loop inlined into it. Inlined into a
    /// large caller (a training step inlined into a benchmark's delegate), the JIT ran out of room before the lane
    /// operations, which then became calls: Adam's [784, 256, 10] step took 4.4 ms instead of 2.3.
    /// </remarks>
    public abstract void Step(int tensor, Span<T> parameter, ReadOnlySpan<T> gradient, double learningRate);

    /// <summary>A float64 coefficient as a CPU kernel receives it.</summary>
    private protected static T Coefficient(double value) => T.CreateChecked(value);

    /// <summary>L2 weight decay, <c>grad.add(param, alpha=λ)</c>: g + λ·p, or g itself for λ = 0.</summary>
    private protected static TLanes WithWeightDecay<TLanes>(TLanes g, TLanes p, T decay)
        where TLanes : struct, ILanes<TLanes, T> => decay == T.Zero ? g : g + (TLanes.Of(decay) * p);
}
