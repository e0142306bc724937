using System.Numerics;

namespace Parity.HandRolled.Maths.Losses;

/// <summary><c>nn.L1Loss()</c>: mean|p − t|; ∂/∂p = sign(p − t)/(N·D), 0 where p = t, as PyTorch.</summary>
internal readonly struct L1 : IElementwiseLoss
{
    public static T Term<T>(T p, T t)
        where T : struct, IFloatingPointIeee754<T> => T.Abs(p - t);

    public static T Slope<T>(T p, T t, T count)
        where T : struct, IFloatingPointIeee754<T> => ElementwiseLoss.Sign(p - t) / count;

    public static T Reduce<T>(T sum, T count)
        where T : struct, IFloatingPointIeee754<T> => sum / count;
}
