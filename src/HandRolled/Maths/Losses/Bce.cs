using System.Numerics;

namespace Parity.HandRolled.Maths.Losses;

/// <summary>
/// <c>nn.BCELoss()</c>, PyTorch 2.x's CPU kernel: the term (t − 1)·max(log1p(−p), −100) − t·max(log p, −100), mean
/// over N·D; ∂/∂p = ((p − t) / max((1 − p)·p, 1e-12)) / (N·D) — the backward clamps the denominator, not the logs.
/// PyTorch 1.13 takes log(1 − p) for log1p(−p), which differs only for p within a few ulps of 0.
/// </summary>
internal readonly struct Bce : IElementwiseLoss
{
    // PyTorch's EPSILON in binary_cross_entropy_backward.
    private const double Epsilon = 1e-12;

    public static T Term<T>(T p, T t)
        where T : struct, IFloatingPointIeee754<T>
    {
        var floor = T.CreateChecked(-100);
        return ((t - T.One) * T.Max(Logarithm.Log1p(-p), floor)) - (t * T.Max(T.Log(p), floor));
    }

    public static T Slope<T>(T p, T t, T count)
        where T : struct, IFloatingPointIeee754<T> =>
        (p - t) / T.Max((T.One - p) * p, T.CreateChecked(Epsilon)) / count;

    public static T Reduce<T>(T sum, T count)
        where T : struct, IFloatingPointIeee754<T> => sum / count;
}
