using System.Numerics;

namespace Parity.HandRolled.Maths.Losses;

/// <summary><c>nn.MSELoss()</c>: mean((p − t)²) over N·D; ∂/∂p = (2/(N·D))·(p − t). Also the logged true MSE.</summary>
internal readonly struct Mse : IElementwiseLoss
{
    public static T Term<T>(T p, T t)
        where T : struct, IFloatingPointIeee754<T> => (p - t) * (p - t);

    public static T Slope<T>(T p, T t, T count)
        where T : struct, IFloatingPointIeee754<T> => T.CreateChecked(2) / count * (p - t);

    public static T Reduce<T>(T sum, T count)
        where T : struct, IFloatingPointIeee754<T> => sum / count;
}
