using FsCheck;
using FsCheck.Fluent;
using Parity.HandRolled.Model;
using Parity.TorchReference.Protocol;

namespace Parity.Tests.Support;

/// <summary>
/// The kinds of value that are hard to print and read back, named in counterexamples and counted by the round-trip
/// properties' classification (FsCheck prints the percentages), so that a run shows what it exercised.
/// </summary>
internal static class HardValueKinds
{
    public const string Subnormal = "subnormal";
    public const string NegativeZero = "-0";
    public const string NaN = "NaN";
    public const string Infinity = "±Infinity";
    public const string Extreme = "extreme magnitude";
    public const string PrintedShort = "printed short by the runtime";

    /// <summary>Every kind, for the generators' coverage tests.</summary>
    public static IReadOnlyList<string> All { get; } = [Subnormal, NegativeZero, NaN, Infinity, Extreme, PrintedShort];

    /// <summary>The kinds of hard value among <paramref name="values"/>.</summary>
    public static IEnumerable<string> Of(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Any(double.IsSubnormal))
        {
            yield return Subnormal;
        }

        if (list.Any(v => v == 0 && double.IsNegative(v)))
        {
            yield return NegativeZero;
        }

        if (list.Any(double.IsNaN))
        {
            yield return NaN;
        }

        if (list.Any(double.IsInfinity))
        {
            yield return Infinity;
        }

        if (list.Any(v => Math.Abs(v) is > 1e300 or (< 1e-300 and > 0)))
        {
            yield return Extreme;
        }

        if (list.Any(v => !RoundTrip.RuntimeFormatRoundTrips(v)))
        {
            yield return PrintedShort;
        }
    }

    /// <summary><paramref name="property"/>, classified by dtype and by the kinds of hard value the case holds.</summary>
    public static Property Classified(Property property, IEnumerable<double> values, DType dtype)
    {
        var kinds = Of(values).ToHashSet();
        return property
            .Classify(dtype == DType.Float32, "float32")
            .Classify(kinds.Contains(Subnormal), Subnormal)
            .Classify(kinds.Contains(NaN) || kinds.Contains(Infinity), "non-finite")
            .Classify(kinds.Contains(PrintedShort), PrintedShort);
    }
}
