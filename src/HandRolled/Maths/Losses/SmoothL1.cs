using System.Numerics;

namespace Parity.HandRolled.Maths.Losses;

/// <summary>
/// <c>nn.SmoothL1Loss()</c> with β = 1: mean of 0.5·x² where |x| &lt; 1, else |x| − 0.5, x = p − t; ∂/∂p = x (|x| &lt; 1)
/// or sign(x), over N·D.
/// </summary>
internal readonly struct SmoothL1 : IElementwiseLoss
{
    public static T Term<T>(T p, T t)
        where T : struct, IFloatingPointIeee754<T>
    {
        var x = p - t;
        return T.Abs(x) < T.One ? T.CreateChecked(0.5) * x * x : T.Abs(x) - T.CreateChecked(0.5);
    }

    public static T Slope<T>(T p, T t, T count)
        where T : struct, IFloatingPointIeee754<T>
    {
        var x = p - t;
        return (T.Abs(x) < T.One ? x : ElementwiseLoss.Sign(x)) / count;
    }

    public static T Reduce<T>(T sum, T count)
        where T : struct, IFloatingPointIeee754<T> => sum / count;
}
