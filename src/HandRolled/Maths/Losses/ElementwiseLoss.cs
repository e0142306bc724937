using System.Numerics;

namespace Parity.HandRolled.Maths.Losses;

/// <summary>Runs an <see cref="IElementwiseLoss"/> over predictions and targets of the same shape, in storage order.</summary>
internal static class ElementwiseLoss
{
    /// <summary>The loss: its terms summed in storage order (as MathNet enumerates a matrix), then reduced.</summary>
    public static T Value<TLoss, T>(ReadOnlySpan<T> p, ReadOnlySpan<T> t)
        where TLoss : IElementwiseLoss
        where T : struct, IFloatingPointIeee754<T>
    {
        var sum = T.Zero;
        for (var i = 0; i < p.Length; i++)
        {
            sum += TLoss.Term(p[i], t[i]);
        }

        return TLoss.Reduce(sum, T.CreateChecked(p.Length));
    }

    /// <summary>∂loss/∂p into <paramref name="gradient"/>.</summary>
    public static void Gradient<TLoss, T>(ReadOnlySpan<T> p, ReadOnlySpan<T> t, Span<T> gradient)
        where TLoss : IElementwiseLoss
        where T : struct, IFloatingPointIeee754<T>
    {
        var count = T.CreateChecked(p.Length);
        for (var i = 0; i < p.Length; i++)
        {
            gradient[i] = TLoss.Slope(p[i], t[i], count);
        }
    }

    /// <summary>sign(v), 0 at 0, as PyTorch's <c>sgn</c>; NaN stays NaN (T.Sign throws), so that it reaches the trace.</summary>
    public static T Sign<T>(T v)
        where T : struct, IFloatingPointIeee754<T> => T.IsNaN(v) ? v : T.CreateChecked(T.Sign(v));
}
