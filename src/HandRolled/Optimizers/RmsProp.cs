using System.Numerics;
using System.Runtime.CompilerServices;
using Parity.HandRolled.Maths.Lanes;
using Parity.HandRolled.Model;

namespace Parity.HandRolled.Optimizers;

/// <summary>
/// <c>torch.optim.RMSprop</c>, PyTorch 2.x's <c>_single_tensor_rmsprop</c>:
/// <code>
/// g = g + λ·p                            (λ ≠ 0)
/// s = α·s + ((1 − α)·g)·g                 (mul_, addcmul_)
/// centered: ḡ = lerp(ḡ, g, 1 − α), avg = √(s − ḡ·ḡ) + ε;   else avg = √s + ε
/// momentum μ &gt; 0: b = μ·b + g/avg, p = p − lr·b   (b starts at 0);   else p = p − (lr·g)/avg
/// </code>
/// PyTorch 1.13 (and TorchSharp 0.107) keep ḡ as <c>ḡ.mul_(α).add_(g, alpha=1 − α)</c> instead of lerp: a last-bit
/// difference after the first step.
/// </summary>
internal sealed class RmsProp<T> : ParameterOptimizer<T>
    where T : struct, IFloatingPointIeee754<T>
{
    private readonly T[][] squareAverages;
    private readonly T[][] gradientAverages;
    private readonly T[][] buffers;

    public RmsProp(Optimizer hyperparameters, IReadOnlyList<int> sizes)
        : base(hyperparameters)
    {
        squareAverages = [.. sizes.Select(n => new T[n])];
        gradientAverages = [.. sizes.Select(n => hyperparameters.Centered ? new T[n] : [])];
        buffers = [.. sizes.Select(n => hyperparameters.Momentum > 0 ? new T[n] : [])];
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public override void Step(int tensor, Span<T> parameter, ReadOnlySpan<T> gradient, double learningRate)
    {
        var o = Hyperparameters;
        var coefficients = new Coefficients(
            Coefficient(o.WeightDecay), Coefficient(o.Alpha), Coefficient(1 - o.Alpha), Coefficient(o.Eps), Coefficient(o.Momentum), Coefficient(learningRate));
        LaneLoop.Run<Kernel, T>(
            new(parameter, gradient, squareAverages[tensor], gradientAverages[tensor], buffers[tensor], coefficients),
            parameter.Length);
    }

    private readonly record struct Coefficients(T L2, T Alpha, T SquareWeight, T Eps, T Momentum, T LearningRate);

    // means is empty unless centered, buffer without momentum.
    private readonly ref struct Kernel(Span<T> parameter, ReadOnlySpan<T> gradient, Span<T> squares, Span<T> means, Span<T> buffer, Coefficients c)
        : ILaneKernel<T>
    {
        private readonly Span<T> parameter = parameter;
        private readonly ReadOnlySpan<T> gradient = gradient;
        private readonly Span<T> squares = squares;
        private readonly Span<T> means = means;
        private readonly Span<T> buffer = buffer;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void At<TLanes>(int index)
            where TLanes : struct, ILanes<TLanes, T>
        {
            var p = TLanes.Load(parameter, index);
            var g = WithWeightDecay(TLanes.Load(gradient, index), p, c.L2);
            var square = (TLanes.Load(squares, index) * TLanes.Of(c.Alpha)) + (TLanes.Of(c.SquareWeight) * g * g);
            square.Store(squares, index);
            if (!means.IsEmpty)
            {
                var mean = Lerp.Of(TLanes.Load(means, index), g, c.SquareWeight);
                mean.Store(means, index);
                square -= mean * mean;
            }

            var average = TLanes.Sqrt(square) + TLanes.Of(c.Eps);
            if (buffer.IsEmpty)
            {
                (p - (TLanes.Of(c.LearningRate) * g / average)).Store(parameter, index);
                return;
            }

            var b = (TLanes.Load(buffer, index) * TLanes.Of(c.Momentum)) + (g / average);
            b.Store(buffer, index);
            (p - (TLanes.Of(c.LearningRate) * b)).Store(parameter, index);
        }
    }
}
