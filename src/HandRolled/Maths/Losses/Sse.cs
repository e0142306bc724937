using System.Numerics;

namespace Parity.HandRolled.Maths.Losses;

/// <summary><c>nn.MSELoss(reduction='sum')</c>: Σ(p − t)²; ∂/∂p = 2·(p − t).</summary>
internal readonly struct Sse : IElementwiseLoss
{
    public static T Term<T>(T p, T t)
        where T : struct, IFloatingPointIeee754<T> => (p - t) * (p - t);

    public static T Slope<T>(T p, T t, T count)
        where T : struct, IFloatingPointIeee754<T> => T.CreateChecked(2) * (p - t);

    public static T Reduce<T>(T sum, T count)
        where T : struct, IFloatingPointIeee754<T> => sum;
}
