namespace Parity.Harness.Snapshots;

/// <summary>How a received text differs from its verified text, in the terms a failure message needs.</summary>
/// <param name="DifferingLines">Lines that differ (a line present on one side only counts); 0 when they match.</param>
/// <param name="VerifiedLineCount">Lines in the verified text.</param>
/// <param name="ReceivedLineCount">Lines in the received text.</param>
/// <param name="FirstLine">The 1-based first differing line, or 0 when they match.</param>
/// <param name="FirstVerified">That line in the verified text; null past its end.</param>
/// <param name="FirstReceived">That line in the received text; null past its end.</param>
/// <param name="Greatest">The number pair furthest apart among those beyond the tolerance; null when only text differs.</param>
internal sealed record SnapshotComparison(
    int DifferingLines,
    int VerifiedLineCount,
    int ReceivedLineCount,
    int FirstLine,
    string? FirstVerified,
    string? FirstReceived,
    NumericDifference? Greatest)
{
    /// <summary>Whether every line matches.</summary>
    public bool Matches => DifferingLines == 0;
}
