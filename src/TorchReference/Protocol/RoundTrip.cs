using System.Globalization;
using System.Text;

namespace Parity.TorchReference.Protocol;

/// <summary>
/// Doubles as text that parses back to the same bits: the shortest such digits (<see cref="ShortestDigits"/>), laid out
/// as .NET's "R" format lays them out (<c>0.0001</c>, <c>1E-05</c>, <c>65479525206589440</c>, <c>1E+17</c>, <c>-0</c>), so
/// that text written before reads the same. Unlike the runtime's own "R", it is never one digit short: .NET 10 prints 2^−25
/// and 2^−958 so (dotnet/runtime#135582), and their text would read back as another double.
/// </summary>
public static class RoundTrip
{
    /// <summary>The most bytes <see cref="FormatUtf8"/> writes: a sign, 17 digits, a point, an exponent.</summary>
    public const int MaxLength = 32;

    // "R" switches to scientific notation where the decimal point would sit more than 17 digits (a double's most
    // significant ones) right of the first digit, or more than 3 zeros left of it: 1E+17 and 1E-05, but
    // 10000000000000000 and 0.0001.
    private const int MostIntegerDigits = 17;
    private const int MostLeadingZeros = 3;

    // 10^0 … 10^19.
    private static readonly ulong[] PowersOfTen = [.. Enumerable.Range(0, 20).Select(i => (ulong)System.Numerics.BigInteger.Pow(10, i))];

    // "00", "01", …, "99": two digits per division.
    private static readonly byte[] DigitPairs = [.. Enumerable.Range(0, 100).SelectMany(i => new[] { (byte)('0' + (i / 10)), (byte)('0' + (i % 10)) })];

    /// <summary>The shortest text that parses back to <paramref name="value"/> exactly.</summary>
    public static string Format(double value)
    {
        Span<byte> text = stackalloc byte[MaxLength];
        return Encoding.ASCII.GetString(text[..FormatUtf8(value, text)]);
    }

    /// <summary>
    /// Writes the shortest text that parses back to <paramref name="value"/> exactly (NaN and the infinities as
    /// <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>) into <paramref name="destination"/>, at least <see cref="MaxLength"/>
    /// bytes, and returns its length.
    /// </summary>
    public static int FormatUtf8(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value))
        {
            var name = double.IsNaN(value) ? "NaN"u8 : value > 0 ? "Infinity"u8 : "-Infinity"u8;
            name.CopyTo(destination);
            return name.Length;
        }

        var at = 0;
        if (double.IsNegative(value))
        {
            destination[at++] = (byte)'-';
        }

        if (value == 0)
        {
            destination[at++] = (byte)'0';
            return at;
        }

        ShortestDigits.Of(value, out var number, out var exponent);
        var count = DecimalLength(number);
        var point = count + exponent; // value = 0.d1d2… · 10^point
        if (point > MostIntegerDigits || point < -MostLeadingZeros)
        {
            // d1.d2…dn: the digits one place right, then d1 moved before the point
            WriteDigits(number, destination.Slice(at + 1, count));
            destination[at] = destination[at + 1];
            destination[at + 1] = (byte)'.';
            at += count == 1 ? 1 : count + 1;

            var power = point - 1;
            destination[at++] = (byte)'E';
            destination[at++] = power < 0 ? (byte)'-' : (byte)'+';
            power = Math.Abs(power);
            if (power >= 100)
            {
                destination[at++] = (byte)('0' + (power / 100));
            }

            destination[at++] = (byte)('0' + (power / 10 % 10));
            destination[at++] = (byte)('0' + (power % 10));
        }
        else if (point <= 0)
        {
            destination[at++] = (byte)'0';
            destination[at++] = (byte)'.';
            destination.Slice(at, -point).Fill((byte)'0');
            at += -point;
            WriteDigits(number, destination.Slice(at, count));
            at += count;
        }
        else if (point < count)
        {
            // d1…dp.dp+1…dn: the digits, then the fraction's moved one place right
            WriteDigits(number, destination.Slice(at, count));
            destination.Slice(at + point, count - point).CopyTo(destination[(at + point + 1)..]);
            destination[at + point] = (byte)'.';
            at += count + 1;
        }
        else
        {
            WriteDigits(number, destination.Slice(at, count));
            at += count;
            destination.Slice(at, point - count).Fill((byte)'0');
            at += point - count;
        }

        return at;
    }

    // The number of decimal digits of a non-zero number: ⌊log10 n⌋ + 1, from ⌊log2 n⌋ · log10 2 and one comparison.
    private static int DecimalLength(ulong number)
    {
        var guess = (System.Numerics.BitOperations.Log2(number) + 1) * 1233 >> 12; // 1233 / 4096 ≈ log10 2
        return guess + (number >= PowersOfTen[guess] ? 1 : 0);
    }

    // The digits of number, right-aligned in destination, two at a time.
    private static void WriteDigits(ulong number, Span<byte> destination)
    {
        var at = destination.Length;
        while (number >= 10)
        {
            var quotient = number / 100;
            var pair = (int)(number - (quotient * 100)) * 2;
            number = quotient;
            destination[--at] = DigitPairs[pair + 1];
            destination[--at] = DigitPairs[pair];
        }

        if (at > 0)
        {
            destination[--at] = (byte)('0' + (int)number);
        }
    }

    /// <summary>Whether the runtime's own shortest form of <paramref name="value"/> parses back to it.</summary>
    public static bool RuntimeFormatRoundTrips(double value) =>
        !double.IsFinite(value)
        || double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Equals(value);
}
