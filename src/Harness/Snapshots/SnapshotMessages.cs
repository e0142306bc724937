using System.Globalization;
using System.Text;

namespace Parity.Harness.Snapshots;

/// <summary>
/// Failure messages of snapshots, in the manner of <c>torch.testing.assert_close</c>: what file, where it first
/// differs (both lines), how much differs, the greatest numeric difference against its allowance, and how to
/// accept the change. A reader should not need to open the files to know whether the change is intended.
/// </summary>
internal static class SnapshotMessages
{
    /// <summary>The message for a snapshot with new or changed files.</summary>
    /// <param name="name">The snapshot's name.</param>
    /// <param name="failing">Its files that are new or changed.</param>
    /// <param name="options">The tolerance it was compared with.</param>
    /// <param name="plot">The received plot, if one was written.</param>
    public static string Failure(string name, IReadOnlyList<SnapshotFileCheck> failing, SnapshotOptions options, string? plot)
    {
        var text = new StringBuilder();
        foreach (var check in failing)
        {
            if (check.Comparison is { } comparison)
            {
                Changed(text, check, comparison, options);
            }
            else
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Snapshot {name} is new: there is no {Path.GetFileName(check.VerifiedPath)} yet.");
                text.AppendLine(CultureInfo.InvariantCulture, $"Received: {check.ReceivedPath}");
            }

            text.AppendLine();
        }

        if (plot is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Plot of verified vs received: {plot}");
        }

        text.AppendLine("If the change is intended, accept it with");
        text.AppendLine(CultureInfo.InvariantCulture, $"  parity snapshots accept {name}");
        text.Append(CultureInfo.InvariantCulture, $"or rerun the tests with {SnapshotStore.AcceptVariable}=1 dotnet test");
        return text.ToString();
    }

    /// <summary>The message of a passing run that accepted new or changed files.</summary>
    public static string Accepted(IEnumerable<SnapshotFileCheck> accepted) =>
        "Accepted: " + string.Join(", ", accepted.Select(c => Path.GetFileName(c.VerifiedPath) + (c.IsNew ? " (new)" : " (changed)")));

    private static void Changed(StringBuilder text, SnapshotFileCheck check, SnapshotComparison comparison, SnapshotOptions options)
    {
        var c = comparison;
        text.AppendLine(CultureInfo.InvariantCulture, $"Snapshot {Path.GetFileName(check.VerifiedPath)} does not match (rtol {Short(options.Tolerance.Rtol)}, atol {Short(options.Tolerance.Atol)})");
        var lines = c.VerifiedLineCount == c.ReceivedLineCount
            ? $"{c.VerifiedLineCount} lines"
            : $"verified has {c.VerifiedLineCount} lines, received {c.ReceivedLineCount}";
        text.AppendLine(CultureInfo.InvariantCulture, $"Differing lines: {c.DifferingLines} ({lines})");
        text.AppendLine(CultureInfo.InvariantCulture, $"First difference at line {c.FirstLine}:");
        text.AppendLine(CultureInfo.InvariantCulture, $"  verified: {c.FirstVerified ?? "(no such line)"}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  received: {c.FirstReceived ?? "(no such line)"}");
        if (c.Greatest is { } g)
        {
            var column = g.Column is null ? "" : $", column \"{g.Column}\"";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Greatest numeric difference: {g.Received} (received) vs {g.Verified} (verified) at line {g.Line}{column}: |Δ| {Short(g.Difference)}, up to {Short(g.Allowance)} allowed");
        }
        else
        {
            text.AppendLine("Every number is within the tolerance: the text differs.");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Received: {check.ReceivedPath}");
    }

    // 1e-06 rather than .NET's 1E-06, as Python prints it.
    private static string Short(double value) =>
        value.ToString("G3", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
}
