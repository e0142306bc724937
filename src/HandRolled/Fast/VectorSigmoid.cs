using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Parity.HandRolled.Maths;

namespace Parity.HandRolled.Fast;

/// <summary>
/// The sigmoid 1/(1 + e^−z) in float32 on eight lanes at a time: <see cref="Expf.Exp"/>'s operations on four
/// doubles per half (AVX2 gathers the table, FMA fuses where the scalar fuses), then the same float add and divide.
/// A block with any |z| ≥ 88 or NaN, the tail, and machines without AVX2 and FMA take the scalar function, so
/// every value has the readable engine's bits.
/// </summary>
internal static unsafe class VectorSigmoid
{
    /// <summary>Whether whole blocks run on AVX2 and FMA here.</summary>
    public static bool IsAccelerated => Avx2.IsSupported && Fma.IsSupported;

    /// <summary>a = 1/(1 + e^−z), element by element; z and a may be the same span.</summary>
    public static void Apply(ReadOnlySpan<float> z, Span<float> a)
    {
        var i = 0;
        if (IsAccelerated)
        {
            fixed (ulong* table = Expf.Table)
            fixed (float* from = z, to = a)
            {
                for (; i <= z.Length - Vector256<float>.Count; i += Vector256<float>.Count)
                {
                    var x = -Vector256.Load(from + i);
                    if (Vector256.GreaterThanOrEqualAny((x.AsUInt32() >> 20) & Vector256.Create(0x7ffu), Vector256.Create(Expf.LargeTop12)))
                    {
                        ScalarSigmoid(z.Slice(i, Vector256<float>.Count), a.Slice(i, Vector256<float>.Count));
                        continue;
                    }

                    var e = Vector256.Create(
                        Avx.ConvertToVector128Single(Exp(Avx.ConvertToVector256Double(x.GetLower()), table)),
                        Avx.ConvertToVector128Single(Exp(Avx.ConvertToVector256Double(x.GetUpper()), table)));
                    (Vector256<float>.One / (Vector256<float>.One + e)).Store(to + i);
                }
            }
        }

        ScalarSigmoid(z[i..], a[i..]);
    }

    private static void ScalarSigmoid(ReadOnlySpan<float> z, Span<float> a)
    {
        for (var i = 0; i < z.Length; i++)
        {
            a[i] = 1f / (1f + Expf.Exp(-z[i]));
        }
    }

    // Expf.Exp's normal path on four lanes.
    private static Vector256<double> Exp(Vector256<double> x, ulong* table)
    {
        var kd = Fma.MultiplyAdd(Vector256.Create(Expf.InvLn2N), x, Vector256.Create(Expf.Shift));
        var ki = kd.AsUInt64();
        kd -= Vector256.Create(Expf.Shift);
        var r = Fma.MultiplyAdd(Vector256.Create(Expf.InvLn2N), x, -kd);
        var entry = Avx2.GatherVector256(table, (ki & Vector256.Create(31ul)).AsInt64(), 8);
        var s = (entry + (ki << 47)).AsDouble();
        var y = Fma.MultiplyAdd(
            Fma.MultiplyAdd(Vector256.Create(Expf.C0), r, Vector256.Create(Expf.C1)),
            r * r,
            Fma.MultiplyAdd(Vector256.Create(Expf.C2), r, Vector256<double>.One));
        return y * s;
    }
}
