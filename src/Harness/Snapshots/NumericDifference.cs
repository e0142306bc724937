namespace Parity.Harness.Snapshots;

/// <summary>One pair of numbers, verified and received, that are not within the tolerance.</summary>
/// <param name="Verified">The verified number as written.</param>
/// <param name="Received">The received number as written.</param>
/// <param name="Difference"><c>|r − v|</c>; infinite when only one is NaN or they are different infinities.</param>
/// <param name="Allowance"><c>atol + rtol·|v|</c>, what the difference was allowed to be.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The CSV column's header, or null outside CSV.</param>
internal sealed record NumericDifference(string Verified, string Received, double Difference, double Allowance, int Line, string? Column);
