using System.Globalization;

namespace Parity.TorchReference.Protocol;

/// <summary>
/// Doubles as text that parses back to the same bits. The shortest "R" form is used, except where the running
/// .NET 10 formats a value that does not round-trip (dotnet/runtime#135582: 2^−25 and 2^−958 print one digit
/// short), where the 17-significant-digit form is used instead.
/// </summary>
public static class RoundTrip
{
    /// <summary>The shortest text that parses back to <paramref name="value"/> exactly.</summary>
    public static string Format(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return !double.IsFinite(value) || double.Parse(text, CultureInfo.InvariantCulture).Equals(value)
            ? text
            : value.ToString("G17", CultureInfo.InvariantCulture);
    }

    /// <summary>Whether the runtime's own shortest form of <paramref name="value"/> parses back to it.</summary>
    public static bool RuntimeFormatRoundTrips(double value) =>
        !double.IsFinite(value)
        || double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Equals(value);
}
