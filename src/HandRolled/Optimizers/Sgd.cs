using System.Numerics;
using System.Runtime.CompilerServices;
using Parity.HandRolled.Maths.Lanes;
using Parity.HandRolled.Model;

namespace Parity.HandRolled.Optimizers;

/// <summary>
/// <c>torch.optim.SGD</c>, PyTorch 2.x's <c>_single_tensor_sgd</c> (1.13's is the same):
/// <code>
/// d = g + λ·p                                    (weight decay λ ≠ 0)
/// b = d at the first step, then μ·b + (1 − τ)·d  (momentum μ ≠ 0, dampening τ)
/// d = d + μ·b if Nesterov, else b
/// p = p − lr·d
/// </code>
/// Plain SGD is the seed's <c>W −= lr·dW</c>.
/// </summary>
internal sealed class Sgd<T> : ParameterOptimizer<T>
    where T : struct, IFloatingPointIeee754<T>
{
    private readonly T[][] buffers;
    private readonly bool[] started;

    public Sgd(Optimizer hyperparameters, IReadOnlyList<int> sizes)
        : base(hyperparameters)
    {
        buffers = [.. sizes.Select(n => hyperparameters.Momentum == 0 ? [] : new T[n])];
        started = new bool[sizes.Count];
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public override void Step(int tensor, Span<T> parameter, ReadOnlySpan<T> gradient, double learningRate)
    {
        var o = Hyperparameters;
        LaneLoop.Run<Kernel, T>(
            new(parameter, gradient, buffers[tensor], o, Coefficient(learningRate), first: !started[tensor]),
            parameter.Length);
        started[tensor] = true;
    }

    private readonly ref struct Kernel(Span<T> parameter, ReadOnlySpan<T> gradient, Span<T> buffer, Optimizer o, T lr, bool first)
        : ILaneKernel<T>
    {
        private readonly Span<T> parameter = parameter;
        private readonly ReadOnlySpan<T> gradient = gradient;
        private readonly Span<T> buffer = buffer;
        private readonly T lr = lr;
        private readonly T decay = Coefficient(o.WeightDecay);
        private readonly T momentum = Coefficient(o.Momentum);
        private readonly T undamped = Coefficient(1 - o.Dampening);
        private readonly bool nesterov = o.Nesterov;
        private readonly bool first = first;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void At<TLanes>(int index)
            where TLanes : struct, ILanes<TLanes, T>
        {
            var p = TLanes.Load(parameter, index);
            var d = WithWeightDecay(TLanes.Load(gradient, index), p, decay);
            if (momentum != T.Zero)
            {
                var b = first ? d : (TLanes.Of(momentum) * TLanes.Load(buffer, index)) + (TLanes.Of(undamped) * d);
                b.Store(buffer, index);
                d = nesterov ? d + (TLanes.Of(momentum) * b) : b;
            }

            (p - (TLanes.Of(lr) * d)).Store(parameter, index);
        }
    }
}
