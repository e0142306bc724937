using System.Numerics;

namespace Parity.TorchReference.Protocol;

/// <summary>
/// The shortest decimal digits that read back as a given double: Ulf Adams's Ryū (PLDI 2018, "Ryū: fast float-to-string
/// conversion"), the double case. A finite non-zero value becomes <c>Digits · 10^Exponent</c> with the fewest digits
/// whose nearest double is the value; of several such, the one nearest the value (ties to an even last digit).
/// </summary>
/// <remarks>
/// The runtime's own shortest form (Grisu with a Dragon4 fallback) costs about 100 ns a number here, the most of a
/// <c>parity-trainer/1</c> response's time; Ryū needs a few 64×64-bit products and divisions by constants. The
/// tables of 5^i and 2^k/5^i, rounded to 125 bits, are computed once from exact integers, not typed in.
/// </remarks>
internal static class ShortestDigits
{
    private const int MantissaBits = 52;
    private const int ExponentBias = 1023;
    private const int Pow5Bits = 125;
    private const int Pow5InverseBits = 125;

    // 5^i as its top 125 bits, i < 326 (enough for 2^-1074), and ⌊2^(bitlength(5^i) − 1 + 125) / 5^i⌋ + 1, i < 342.
    private static readonly (ulong Low, ulong High)[] Pow5 = Table(326, inverse: false);
    private static readonly (ulong Low, ulong High)[] Pow5Inverse = Table(342, inverse: true);

    /// <summary>
    /// The shortest digits of a finite, non-zero <paramref name="value"/>'s magnitude: <paramref name="digits"/> (at most
    /// 17 of them, no trailing zeros stripped beyond what shortness needs) and the power of ten they are scaled by.
    /// </summary>
    public static void Of(double value, out ulong digits, out int exponent)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value);
        var ieeeMantissa = bits & ((1UL << MantissaBits) - 1);
        var ieeeExponent = (int)((bits >> MantissaBits) & 0x7FF);

        // value = m2 · 2^e2, with two more bits of room for the halfway points below and above.
        var (e2, m2) = ieeeExponent == 0
            ? (1 - ExponentBias - MantissaBits - 2, ieeeMantissa)
            : (ieeeExponent - ExponentBias - MantissaBits - 2, (1UL << MantissaBits) | ieeeMantissa);
        var acceptBounds = (m2 & 1) == 0; // round-half-even reading: an even value owns its halfway points
        var mv = 4 * m2;
        var mmShift = ieeeMantissa != 0 || ieeeExponent <= 1 ? 1U : 0U; // the lower neighbour is half as far at a power of two

        // vr, vp, vm: the value and its upper and lower halfway points, as decimals scaled by 10^-e10.
        ulong vr, vp, vm;
        int e10;
        bool vmIsTrailingZeros = false, vrIsTrailingZeros = false;
        if (e2 >= 0)
        {
            var q = Log10Pow2(e2) - (e2 > 3 ? 1 : 0);
            e10 = q;
            var k = Pow5InverseBits + Pow5BitLength(q) - 1;
            var i = -e2 + q + k;
            vr = MulShiftAll(m2, Pow5Inverse[q], i, mmShift, out vp, out vm);
            if (q <= 21)
            {
                // Only then can the scaled values be exact integers with zeros that the division dropped.
                if (mv % 5 == 0)
                {
                    vrIsTrailingZeros = MultipleOfPowerOf5(mv, q);
                }
                else if (acceptBounds)
                {
                    vmIsTrailingZeros = MultipleOfPowerOf5(mv - 1 - mmShift, q);
                }
                else
                {
                    vp -= MultipleOfPowerOf5(mv + 2, q) ? 1UL : 0UL;
                }
            }
        }
        else
        {
            var q = Log10Pow5(-e2) - (-e2 > 1 ? 1 : 0);
            e10 = q + e2;
            var i = -e2 - q;
            var k = Pow5BitLength(i) - Pow5Bits;
            var j = q - k;
            vr = MulShiftAll(m2, Pow5[i], j, mmShift, out vp, out vm);
            if (q <= 1)
            {
                vrIsTrailingZeros = true; // mv has at least q trailing zero bits
                if (acceptBounds)
                {
                    vmIsTrailingZeros = mmShift == 1; // mm = mv − 1 − mmShift has one if mmShift is 1
                }
                else
                {
                    --vp; // mp = mv + 2 does: the upper bound is excluded
                }
            }
            else if (q < 63)
            {
                vrIsTrailingZeros = (mv & ((1UL << q) - 1)) == 0;
            }
        }

        // Drop digits while the interval (vm, vp) still holds a shorter number; round vr by the last digit dropped.
        var removed = 0;
        ulong output;
        if (vmIsTrailingZeros || vrIsTrailingZeros)
        {
            var lastRemovedDigit = 0UL;
            while (vp / 10 > vm / 10)
            {
                vmIsTrailingZeros &= vm % 10 == 0;
                vrIsTrailingZeros &= lastRemovedDigit == 0;
                lastRemovedDigit = vr % 10;
                (vr, vp, vm) = (vr / 10, vp / 10, vm / 10);
                removed++;
            }

            if (vmIsTrailingZeros)
            {
                while (vm % 10 == 0)
                {
                    vrIsTrailingZeros &= lastRemovedDigit == 0;
                    lastRemovedDigit = vr % 10;
                    (vr, vp, vm) = (vr / 10, vp / 10, vm / 10);
                    removed++;
                }
            }

            if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0)
            {
                lastRemovedDigit = 4; // exactly halfway: round to even
            }

            output = vr + ((vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5 ? 1UL : 0UL);
        }
        else
        {
            var roundUp = false;
            if (vp / 100 > vm / 100)
            {
                roundUp = vr % 100 >= 50;
                (vr, vp, vm) = (vr / 100, vp / 100, vm / 100);
                removed += 2;
            }

            while (vp / 10 > vm / 10)
            {
                roundUp = vr % 10 >= 5;
                (vr, vp, vm) = (vr / 10, vp / 10, vm / 10);
                removed++;
            }

            output = vr + (vr == vm || roundUp ? 1UL : 0UL);
        }

        digits = output;
        exponent = e10 + removed;
    }

    // ⌈log2(5^e)⌉ for 0 ≤ e ≤ 3528, the bit length of 5^e.
    private static int Pow5BitLength(int e) => (int)(((uint)e * 1217359) >> 19) + 1;

    // ⌊log10(2^e)⌋ for 0 ≤ e ≤ 1650.
    private static int Log10Pow2(int e) => (int)(((uint)e * 78913) >> 18);

    // ⌊log10(5^e)⌋ for 0 ≤ e ≤ 2620.
    private static int Log10Pow5(int e) => (int)(((uint)e * 732923) >> 20);

    private static bool MultipleOfPowerOf5(ulong value, int p)
    {
        var count = 0;
        while (value % 5 == 0)
        {
            value /= 5;
            count++;
        }

        return count >= p;
    }

    // ⌊m · mul / 2^shift⌋ for 4m, 4m + 2 and 4m − 1 − mmShift: the value and its halfway points, scaled.
    private static ulong MulShiftAll(ulong m, (ulong Low, ulong High) mul, int shift, uint mmShift, out ulong vp, out ulong vm)
    {
        vp = MulShift(4 * m + 2, mul, shift);
        vm = MulShift(4 * m - 1 - mmShift, mul, shift);
        return MulShift(4 * m, mul, shift);
    }

    // ⌊m · mul / 2^shift⌋ where mul is a 128-bit number and 64 ≤ shift < 128: the result fits 64 bits.
    private static ulong MulShift(ulong m, (ulong Low, ulong High) mul, int shift)
    {
        var lowHigh = Math.BigMul(m, mul.Low, out _);
        var high = Math.BigMul(m, mul.High, out var highLow);
        var sum = (UInt128)lowHigh + new UInt128(high, highLow);
        return (ulong)(sum >> (shift - 64));
    }

    private static (ulong Low, ulong High)[] Table(int count, bool inverse)
    {
        var table = new (ulong, ulong)[count];
        var mask = (BigInteger.One << 64) - 1;
        for (var i = 0; i < count; i++)
        {
            var pow5 = BigInteger.Pow(5, i);
            var length = (int)pow5.GetBitLength();
            var value = inverse
                ? (BigInteger.One << (length - 1 + Pow5InverseBits)) / pow5 + 1
                : length > Pow5Bits ? pow5 >> (length - Pow5Bits) : pow5 << (Pow5Bits - length);
            table[i] = ((ulong)(value & mask), (ulong)(value >> 64));
        }

        return table;
    }
}
