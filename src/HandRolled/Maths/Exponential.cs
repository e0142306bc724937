using System.Numerics;

namespace Parity.HandRolled.Maths;

/// <summary>
/// e^x as both engines compute it: in float32 <see cref="Expf.Exp"/> (the same bits on every machine, and what the
/// fast engine's vectorised sigmoid reproduces), in float64 the C library's exp, as numpy's reference loop uses.
/// </summary>
internal static class Exponential
{
    /// <summary>e^x.</summary>
    public static T Exp<T>(T x)
        where T : struct, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? T.CreateTruncating(Expf.Exp(float.CreateTruncating(x))) : T.Exp(x);
}
