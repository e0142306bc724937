using FsCheck;
using FsCheck.Fluent;
using Parity.HandRolled.Model;

namespace Parity.Tests.Support;

/// <summary>
/// Doubles that are hard to print and read back, for the round-trip properties: any bit pattern, subnormals, ±0,
/// the largest and smallest magnitudes, powers of two and their neighbours (where shortest-form printing breaks:
/// the running .NET prints 2⁻²⁵ and 2⁻⁹⁵⁸ one digit short, see <c>RoundTrip</c>), ordinary O(1) values, and — where
/// the contract allows them — NaN and ±Infinity. A float32 side's values are float32 numbers widened to double.
/// NaN is always <see cref="double.NaN"/>: the contract has one NaN (<c>"NaN"</c>) and no payloads.
/// </summary>
internal static class RandomValues
{
    private static readonly double[] Float64Edges =
    [
        0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue,
        2.2250738585072014E-308, -2.2250738585072014E-308, // the smallest normal
        2.2250738585072009E-308, -2.2250738585072009E-308, // the largest subnormal
        1.0, -1.0, 0.1, 1.0 / 3, Math.PI, 9007199254740993, 1e23, 5e-324,
        Math.Pow(2, -25), Math.Pow(2, -958), // the runtime's shortest form of these does not parse back
    ];

    private static readonly float[] Float32Edges =
    [
        0f, -0f, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue,
        1.17549435E-38f, -1.17549435E-38f, // the smallest normal
        1.17549421E-38f, -1.17549421E-38f, // the largest subnormal
        1f, -1f, 0.1f, 1f / 3, MathF.PI, 16777217f, 1e23f, MathF.Pow(2, -25),
    ];

    private static readonly double[] NonFinite = [double.NaN, double.PositiveInfinity, double.NegativeInfinity];

    /// <summary>Values of the dtype; NaN and ±Infinity only when <paramref name="nonFinite"/>.</summary>
    public static Gen<double> Of(DType dtype, bool nonFinite)
    {
        var finite = dtype == DType.Float32 ? Float32() : Float64();
        return nonFinite ? Gen.Frequency((12, finite), (1, Gen.Elements(NonFinite))) : finite;
    }

    /// <summary>Finite, strictly positive values of the dtype (a learning rate).</summary>
    public static Gen<double> Positive(DType dtype) => Of(dtype, nonFinite: false).Select(Math.Abs).Where(v => v > 0);

    private static Gen<double> Float64()
    {
        var sign = Gen.Elements(1.0, -1.0);
        var bits = from high in Gen.Choose(int.MinValue, int.MaxValue)
                   from low in Gen.Choose(int.MinValue, int.MaxValue)
                   select ((long)high << 32) | (uint)low;
        var mantissa = bits.Select(b => b & 0x000F_FFFF_FFFF_FFFFL);
        Gen<double> Scaled(int minExponent, int maxExponent) =>
            from m in mantissa
            from e in Gen.Choose(minExponent, maxExponent)
            from s in sign
            select s * Math.ScaleB(1 + (m / 4503599627370496.0), e); // 1.m × 2^e, m / 2^52 exact
        return Gen.Frequency(
            (3, bits.Select(BitConverter.Int64BitsToDouble).Where(double.IsFinite)),
            (2, from m in mantissa from s in sign select s * BitConverter.Int64BitsToDouble(m)), // subnormal or ±0
            (3, Scaled(-40, 40)),
            (1, Gen.OneOf(Scaled(-1022, -960), Scaled(960, 1023))),
            (1, PowersOfTwo(-1074, 1023, sign, Math.BitIncrement, Math.BitDecrement)),
            (1, Gen.Elements(Float64Edges)));
    }

    private static Gen<double> Float32()
    {
        var sign = Gen.Elements(1f, -1f);
        var bits = Gen.Choose(int.MinValue, int.MaxValue);
        var mantissa = bits.Select(b => b & 0x007F_FFFF);
        Gen<float> Scaled(int minExponent, int maxExponent) =>
            from m in mantissa
            from e in Gen.Choose(minExponent, maxExponent)
            from s in sign
            select s * MathF.ScaleB(1 + (m / 8388608f), e); // 1.m × 2^e, m / 2^23 exact
        var floats = Gen.Frequency(
            (3, bits.Select(BitConverter.Int32BitsToSingle).Where(float.IsFinite)),
            (2, from m in mantissa from s in sign select s * BitConverter.Int32BitsToSingle(m)), // subnormal or ±0
            (3, Scaled(-40, 40)),
            (1, Gen.OneOf(Scaled(-126, -100), Scaled(100, 127))),
            (1, PowersOfTwo(-149, 127, sign, MathF.BitIncrement, MathF.BitDecrement)),
            (1, Gen.Elements(Float32Edges)));
        return floats.Select(f => (double)f);
    }

    // ±2^k, or its neighbour one ulp above or below.
    private static Gen<T> PowersOfTwo<T>(int minExponent, int maxExponent, Gen<T> sign, Func<T, T> up, Func<T, T> down)
        where T : System.Numerics.IFloatingPointIeee754<T> =>
        from k in Gen.Choose(minExponent, maxExponent)
        from s in sign
        from neighbour in Gen.Choose(-1, 1)
        let power = s * T.ScaleB(T.One, k)
        select neighbour switch { < 0 => down(power), > 0 => up(power), _ => power };
}
