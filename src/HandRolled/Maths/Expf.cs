namespace Parity.HandRolled.Maths;

/// <summary>
/// e^x in float32, the same bits on every machine: glibc's <c>expf</c> (Szabolcs Nagy's, from Arm's
/// optimized-routines) operation for operation, with the multiply-adds glibc 2.36 fuses on x86-64 with FMA. On such
/// a machine it equals <see cref="MathF.Exp"/> for all 2^32 inputs (measured); elsewhere the C library's expf may
/// differ in the last bit, this does not. Both engines use it, so the fast engine's vectorised sigmoid
/// (<see cref="Fast.VectorSigmoid"/>) can be the readable engine's bit for bit.
/// </summary>
/// <remarks>
/// x = (k + r)·ln2/32 with integer k and |r| ≤ 1/2, then e^x = 2^(k/32) · 2^(r/32): the first factor from a
/// 32-entry table and the exponent bits, the second from a cubic, all in double and rounded once to float
/// (at most 0.502 ULP from e^x, glibc's bound).
/// </remarks>
internal static class Expf
{
    /// <summary>2^(i/32), each as its double's bits less i·2^47, so that adding k·2^47 also sets the exponent.</summary>
    internal static readonly ulong[] Table =
    [
        0x3ff0000000000000, 0x3fefd9b0d3158574, 0x3fefb5586cf9890f, 0x3fef9301d0125b51,
        0x3fef72b83c7d517b, 0x3fef54873168b9aa, 0x3fef387a6e756238, 0x3fef1e9df51fdee1,
        0x3fef06fe0a31b715, 0x3feef1a7373aa9cb, 0x3feedea64c123422, 0x3feece086061892d,
        0x3feebfdad5362a27, 0x3feeb42b569d4f82, 0x3feeab07dd485429, 0x3feea47eb03a5585,
        0x3feea09e667f3bcd, 0x3fee9f75e8ec5f74, 0x3feea11473eb0187, 0x3feea589994cce13,
        0x3feeace5422aa0db, 0x3feeb737b0cdc5e5, 0x3feec49182a3f090, 0x3feed503b23e255d,
        0x3feee89f995ad3ad, 0x3feeff76f2fb5e47, 0x3fef199bdd85529c, 0x3fef3720dcef9069,
        0x3fef5818dcfba487, 0x3fef7c97337b9b5f, 0x3fefa4afa2a490da, 0x3fefd0765b6e4540,
    ];

    /// <summary>32/ln2 (0x1.71547652b82fep+0 · 32).</summary>
    internal const double InvLn2N = 0x171547652b82fe * 32.0 / 0x10000000000000;

    /// <summary>1.5·2^52: adding it rounds to an integer (ties to even) held in the low bits.</summary>
    internal const double Shift = 6755399441055744.0;

    /// <summary>The cubic's coefficients for r in units of 1/32: ≈ ln2³/6, ln2²/2, ln2, scaled by 32⁻³, 32⁻², 32⁻¹.</summary>
    internal static readonly double C0 = BitConverter.UInt64BitsToDouble(0x3fac6af84b912394) / 32 / 32 / 32;

    /// <inheritdoc cref="C0"/>
    internal static readonly double C1 = BitConverter.UInt64BitsToDouble(0x3fcebfce50fac4f3) / 32 / 32;

    /// <inheritdoc cref="C0"/>
    internal static readonly double C2 = BitConverter.UInt64BitsToDouble(0x3fe62e42ff0c52d6) / 32;

    /// <summary>From here on |x| takes the careful path: the top 12 bits of 88f.</summary>
    internal const uint LargeTop12 = 0x42b;

    private const float Overflow = 88.72283f;      // 0x1.62e42ep6: above, e^x is beyond float
    private const float Underflow = -103.972084f;  // -0x1.9fe368p6: below, e^x rounds to 0

    /// <summary>e^x, rounded to float.</summary>
    public static float Exp(float x)
    {
        var top12 = (BitConverter.SingleToUInt32Bits(x) >> 20) & 0x7ff;
        if (top12 >= LargeTop12)
        {
            if (float.IsNegativeInfinity(x))
            {
                return 0f;
            }

            if (!float.IsFinite(x))
            {
                return x + x;
            }

            if (x > Overflow)
            {
                return float.PositiveInfinity;
            }

            if (x < Underflow)
            {
                return 0f;
            }
        }

        double xd = x;
        var kd = Math.FusedMultiplyAdd(InvLn2N, xd, Shift);
        var ki = BitConverter.DoubleToUInt64Bits(kd);
        kd -= Shift;
        var r = Math.FusedMultiplyAdd(InvLn2N, xd, -kd);
        var s = BitConverter.UInt64BitsToDouble(Table[(int)(ki % 32)] + (ki << 47));
        var y = Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(C0, r, C1), r * r, Math.FusedMultiplyAdd(C2, r, 1.0));
        return (float)(y * s);
    }
}
