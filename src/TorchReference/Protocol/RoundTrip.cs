using System.Globalization;
using System.Text;

namespace Parity.TorchReference.Protocol;

/// <summary>
/// Doubles as text that parses back to the same bits. The shortest "R" form is used, except where the running
/// .NET 10 formats a value that does not round-trip (dotnet/runtime#135582: 2^−25 and 2^−958 print one digit
/// short), where the 17-significant-digit form is used instead.
/// </summary>
/// <remarks>
/// Only a power of two can be printed short: its lower neighbour is half as far as its upper one, the one asymmetric
/// case of the shortest-digits search, and the runtime mishandles it for those two exponents. So only powers of two
/// (a zero fraction field) are parsed back to check, which keeps formatting at the runtime's own speed. Measured here:
/// of the 2,046 finite powers of two, exactly those two print short; of 247 million doubles with random bits and a
/// non-zero fraction, none did. <c>RoundTripTests</c> keeps checking every kind of hard value.
/// </remarks>
public static class RoundTrip
{
    /// <summary>The most bytes <see cref="FormatUtf8"/> writes: a sign, 17 digits, a point, an exponent.</summary>
    public const int MaxLength = 32;

    private const long FractionBits = (1L << 52) - 1;

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
        value.TryFormat(destination, out var length, "R", CultureInfo.InvariantCulture);
        if ((BitConverter.DoubleToInt64Bits(value) & FractionBits) != 0 || !double.IsFinite(value)
            || (double.TryParse(destination[..length], NumberStyles.Float, CultureInfo.InvariantCulture, out var back) && back.Equals(value)))
        {
            return length;
        }

        value.TryFormat(destination, out length, "G17", CultureInfo.InvariantCulture);
        return length;
    }

    /// <summary>Whether the runtime's own shortest form of <paramref name="value"/> parses back to it.</summary>
    public static bool RuntimeFormatRoundTrips(double value) =>
        !double.IsFinite(value)
        || double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Equals(value);
}
