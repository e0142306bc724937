using System.Globalization;
using System.Text;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Snapshots;

/// <summary>
/// Failure messages of snapshots, in the manner of <c>torch.testing.assert_close</c>: what file, where it first
/// differs (both lines), how much differs, the greatest numeric difference against its allowance, and how to
/// accept the change. A reader should not need to open the files to know whether the change is intended.
/// </summary>
internal static class SnapshotMessages
{
    /// <summary>The message of a snapshot with new or changed files.</summary>
    /// <param name="name">The snapshot's name.</param>
    /// <param name="mismatches">Its files that are new or changed.</param>
    /// <param name="plot">The received plot, if one was written.</param>
    public static string Failure(string name, IReadOnlyList<SnapshotMismatch> mismatches, string? plot)
    {
        var text = new StringBuilder();
        foreach (var mismatch in mismatches)
        {
            var verified = Path.GetFileName(mismatch.Pair.VerifiedPath);
            text.AppendLine(mismatch.IsNew
                ? $"Snapshot {name} is new: there is no {verified} yet."
                : $"Snapshot {verified} does not match{(mismatch.Message is { } why ? " " + why : ".")}");
            text.AppendLine(CultureInfo.InvariantCulture, $"Received: {mismatch.Pair.ReceivedPath}");
            text.AppendLine();
        }

        if (plot is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Plot of verified vs received: {plot}");
        }

        text.AppendLine("If the change is intended, accept it with");
        text.AppendLine(CultureInfo.InvariantCulture, $"  parity snapshots accept {name}");
        text.Append(CultureInfo.InvariantCulture, $"or rerun the tests with {Verifier.AcceptVariable}=1 dotnet test");
        return text.ToString();
    }

    /// <summary>How a text differs from its verified text: the tolerant comparer's <see cref="CompareResult.Message"/>.</summary>
    public static string Changed(SnapshotComparison c, Tolerance tolerance)
    {
        var lines = c.VerifiedLineCount == c.ReceivedLineCount
            ? $"{c.VerifiedLineCount} lines"
            : $"verified has {c.VerifiedLineCount} lines, received {c.ReceivedLineCount}";
        var greatest = c.Greatest is { } g
            ? $"Greatest numeric difference: {g.Received} (received) vs {g.Verified} (verified) at line {g.Line}"
              + $"{(g.Column is null ? "" : $", column \"{g.Column}\"")}: |Δ| {Short(g.Difference)}, up to {Short(g.Allowance)} allowed"
            : "Every number is within the tolerance: the text differs.";
        return $"""
            (rtol {Short(tolerance.Rtol)}, atol {Short(tolerance.Atol)})
            Differing lines: {c.DifferingLines} ({lines})
            First difference at line {c.FirstLine}:
              verified: {c.FirstVerified ?? "(no such line)"}
              received: {c.FirstReceived ?? "(no such line)"}
            {greatest}
            """;
    }

    // 1e-06 rather than .NET's 1E-06, as Python prints it.
    private static string Short(double value) => NumberText.Short(value);
}
