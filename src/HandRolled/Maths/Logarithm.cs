using System.Numerics;

namespace Parity.HandRolled.Maths;

/// <summary>log(1 + x) accurate for small x, where .NET's <c>LogP1</c> computes log(x + 1) and loses x's digits.</summary>
internal static class Logarithm
{
    /// <summary>
    /// log1p(x) by Kahan's correction: with u = 1 + x rounded, log(u)·x/(u − 1) cancels u's rounding error (Goldberg,
    /// <i>What every computer scientist should know about floating-point arithmetic</i>, theorem 4); within a few ulps
    /// of the C library's log1p, which PyTorch calls.
    /// </summary>
    public static T Log1p<T>(T x)
        where T : struct, IFloatingPointIeee754<T>
    {
        var u = T.One + x;
        return u == T.One ? x : T.IsInfinity(u) ? T.Log(u) : T.Log(u) * x / (u - T.One);
    }
}
