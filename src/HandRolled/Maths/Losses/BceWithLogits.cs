using System.Numerics;
using Parity.HandRolled.Maths.ActivationFunctions;
using Parity.HandRolled.Maths.Lanes;

namespace Parity.HandRolled.Maths.Losses;

/// <summary>
/// <c>nn.BCEWithLogitsLoss()</c>, PyTorch 2.x: the term (1 − t)·x − log σ(x) with log σ(x) = min(x, 0) − log1p(e^−|x|),
/// mean over N·D; ∂/∂x = (σ(x) − t)/(N·D). PyTorch 1.13 computes the same term as (1 − t)·x + m + log(e^−m + e^(−x−m)),
/// m = max(−x, 0): equal up to rounding.
/// </summary>
internal readonly struct BceWithLogits : IElementwiseLoss
{
    public static T Term<T>(T p, T t)
        where T : struct, IFloatingPointIeee754<T> =>
        ((T.One - t) * p) - (T.Min(p, T.Zero) - Logarithm.Log1p(Exponential.Exp(-T.Abs(p))));

    public static T Slope<T>(T p, T t, T count)
        where T : struct, IFloatingPointIeee754<T> =>
        (Sigmoid.Apply<ScalarLane<T>, T>(new(p)).Value - t) / count;

    public static T Reduce<T>(T sum, T count)
        where T : struct, IFloatingPointIeee754<T> => sum / count;
}
