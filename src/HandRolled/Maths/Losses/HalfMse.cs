using System.Numerics;

namespace Parity.HandRolled.Maths.Losses;

/// <summary>0.5·mean((p − t)²); ∂/∂p = (1/(N·D))·(p − t).</summary>
internal readonly struct HalfMse : IElementwiseLoss
{
    public static T Term<T>(T p, T t)
        where T : struct, IFloatingPointIeee754<T> => (p - t) * (p - t);

    public static T Slope<T>(T p, T t, T count)
        where T : struct, IFloatingPointIeee754<T> => T.One / count * (p - t);

    public static T Reduce<T>(T sum, T count)
        where T : struct, IFloatingPointIeee754<T> => T.CreateChecked(0.5) * (sum / count);
}
