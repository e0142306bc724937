using System.Numerics;
using System.Runtime.CompilerServices;
using Parity.HandRolled.Maths.Lanes;
using Parity.HandRolled.Model;

namespace Parity.HandRolled.Optimizers;

/// <summary>
/// <c>torch.optim.Adam</c> and <c>torch.optim.AdamW</c>, PyTorch 2.x's <c>_single_tensor_adam</c> (AdamW is Adam with
/// decoupled decay). Per tensor, with its own step count s (from 1):
/// <code>
/// p = p·(1 − lr·λ)                       AdamW;   g = g + λ·p   Adam (λ ≠ 0)
/// m = lerp(m, g, 1 − β1)                 (<see cref="Lerp"/>)
/// v = β2·v + ((1 − β2)·g)·g               (mul_, addcmul_)
/// v̂ = max(v̂, v) with amsgrad, else v
/// denom = √v̂ / √(1 − β2^s) + ε           (ε outside the root, after bias correction)
/// p = p − ((lr / (1 − β1^s))·m) / denom   (addcdiv_)
/// </code>
/// The bias corrections are Python floats: 1 − β^s in float64 (<c>beta ** step</c>, the C library's pow), then rounded
/// to T where a kernel takes them. PyTorch 1.13 — and TorchSharp 0.107's port of torch.optim — keep m as
/// <c>m.mul_(β1).add_(g, alpha=1 − β1)</c> instead of lerp: the same m at the first step, a last-bit difference after.
/// 1.13's AdamW decays p before updating the moments, as 2.x does.
/// </summary>
internal sealed class Adam<T> : ParameterOptimizer<T>
    where T : struct, IFloatingPointIeee754<T>
{
    private readonly T[][] firstMoments;
    private readonly T[][] secondMoments;
    private readonly T[][] maxSecondMoments;
    private readonly int[] steps;

    public Adam(Optimizer hyperparameters, IReadOnlyList<int> sizes)
        : base(hyperparameters)
    {
        firstMoments = [.. sizes.Select(n => new T[n])];
        secondMoments = [.. sizes.Select(n => new T[n])];
        maxSecondMoments = [.. sizes.Select(n => hyperparameters.Amsgrad ? new T[n] : [])];
        steps = new int[sizes.Count];
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public override void Step(int tensor, Span<T> parameter, ReadOnlySpan<T> gradient, double learningRate)
    {
        var o = Hyperparameters;
        var step = ++steps[tensor];
        var coefficients = new Coefficients(
            DecayFactor: o.Kind == OptimizerKind.AdamW ? Coefficient(1 - (learningRate * o.WeightDecay)) : T.One,
            L2: o.Kind == OptimizerKind.Adam ? Coefficient(o.WeightDecay) : T.Zero,
            FirstWeight: Coefficient(1 - o.Beta1),
            Beta2: Coefficient(o.Beta2),
            SecondWeight: Coefficient(1 - o.Beta2),
            BiasCorrection2Sqrt: Coefficient(Math.Sqrt(1 - Math.Pow(o.Beta2, step))),
            Eps: Coefficient(o.Eps),
            StepSize: Coefficient(learningRate / (1 - Math.Pow(o.Beta1, step))));
        LaneLoop.Run<Kernel, T>(
            new(parameter, gradient, firstMoments[tensor], secondMoments[tensor], maxSecondMoments[tensor], coefficients),
            parameter.Length);
    }

    private readonly record struct Coefficients(
        T DecayFactor, T L2, T FirstWeight, T Beta2, T SecondWeight, T BiasCorrection2Sqrt, T Eps, T StepSize);

    // vMax is empty without amsgrad.
    private readonly ref struct Kernel(Span<T> parameter, ReadOnlySpan<T> gradient, Span<T> m, Span<T> v, Span<T> vMax, Coefficients c)
        : ILaneKernel<T>
    {
        private readonly Span<T> parameter = parameter;
        private readonly ReadOnlySpan<T> gradient = gradient;
        private readonly Span<T> m = m;
        private readonly Span<T> v = v;
        private readonly Span<T> vMax = vMax;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void At<TLanes>(int index)
            where TLanes : struct, ILanes<TLanes, T>
        {
            var p = TLanes.Load(parameter, index);
            if (c.DecayFactor != T.One)
            {
                p *= TLanes.Of(c.DecayFactor);
            }

            var g = WithWeightDecay(TLanes.Load(gradient, index), p, c.L2);
            var first = Lerp.Of(TLanes.Load(m, index), g, c.FirstWeight);
            first.Store(m, index);
            var second = (TLanes.Load(v, index) * TLanes.Of(c.Beta2)) + (TLanes.Of(c.SecondWeight) * g * g);
            second.Store(v, index);
            if (!vMax.IsEmpty)
            {
                second = TLanes.Max(TLanes.Load(vMax, index), second);
                second.Store(vMax, index);
            }

            var denominator = (TLanes.Sqrt(second) / TLanes.Of(c.BiasCorrection2Sqrt)) + TLanes.Of(c.Eps);
            (p - (TLanes.Of(c.StepSize) * first / denominator)).Store(parameter, index);
        }
    }
}
