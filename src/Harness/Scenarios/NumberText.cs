using System.Globalization;

namespace Parity.Harness.Scenarios;

/// <summary>
/// How Parity prints a number for people — a tolerance, a difference, a factor: three significant digits, the exponent
/// written as Python writes it (<c>1e-10</c>, <c>3.4e-06</c>, <c>0.000395</c>). Numbers for machines are printed
/// round-trip instead (<c>RoundTrip</c>).
/// </summary>
public static class NumberText
{
    /// <summary><paramref name="value"/> to three significant digits.</summary>
    public static string Short(double value) =>
        value.ToString("G3", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
}
