using System.Globalization;
using System.Text.RegularExpressions;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Snapshots;

/// <summary>
/// Parity's tolerant comparison of snapshot texts, registered as the <see cref="StringCompare"/> of csv and txt files. A
/// text is compared line by line; a CSV record by record and field by field, as CsvHelper parses it, so that a difference
/// is named by its header's column. Each line or field is cut into numbers and the text between them: the text must be
/// equal but for white space, and every number pair close (<see cref="Tolerance.IsClose"/>, the verified number being
/// the expected one). A curve printed round-trip differs between machines in its last digits (BLAS kernels, libms), and
/// an aligned column pads a shorter number with more spaces; a byte comparison would fail there, this one only on a real
/// change. A line or record whose text or count of numbers or fields differs is a text difference.
/// </summary>
internal static partial class SnapshotComparer
{
    private const string ToleranceKey = "Parity.Tolerance";

    /// <summary>The tolerance of a verification that sets none: a last-digit difference of exp passes, a change in the
    /// 7th significant digit does not.</summary>
    public static Tolerance Default { get; } = new(1e-6, 1e-9);

    /// <summary>Compares this verification's numbers within <paramref name="tolerance"/>; snapshots of reference numbers
    /// use <see cref="Tolerance.Rounding"/>, as every place where committed numbers meet recomputed ones.</summary>
    public static void UseTolerance(this VerifySettings settings, Tolerance tolerance) => settings.Context[ToleranceKey] = tolerance;

    /// <summary>The comparer of CSV files.</summary>
    public static Task<CompareResult> CompareCsv(string received, string verified, IReadOnlyDictionary<string, object> context) =>
        Task.FromResult(Result(verified, received, context, csv: true));

    /// <summary>The comparer of text files.</summary>
    public static Task<CompareResult> CompareText(string received, string verified, IReadOnlyDictionary<string, object> context) =>
        Task.FromResult(Result(verified, received, context, csv: false));

    /// <summary>Compares <paramref name="received"/> to <paramref name="verified"/>, both normalised.</summary>
    /// <param name="verified">The accepted text.</param>
    /// <param name="received">The text the test produced.</param>
    /// <param name="tolerance">Closeness of each number pair, the verified number being the expected one.</param>
    /// <param name="csv">Whether to compare CSV records field by field (a text that CsvHelper cannot read is compared
    /// line by line).</param>
    public static SnapshotComparison Compare(string verified, string received, Tolerance tolerance, bool csv)
    {
        var (v, r, header) = csv && SnapshotCsv.Read(verified) is { } vr && SnapshotCsv.Read(received) is { } rr
            ? (vr, rr, vr.Count > 0 ? vr[0].Fields : null)
            : (Lines(verified), Lines(received), null);
        var (differing, first) = (0, 0);
        NumericDifference? greatest = null;
        for (var i = 0; i < Math.Max(v.Count, r.Count); i++)
        {
            if (i >= v.Count || i >= r.Count || !SameRow(v[i], r[i], i + 1, tolerance, header, ref greatest))
            {
                differing++;
                first = first == 0 ? i + 1 : first;
            }
        }

        return new SnapshotComparison(
            differing, v.Count, r.Count, first,
            first > 0 && first <= v.Count ? v[first - 1].Line : null,
            first > 0 && first <= r.Count ? r[first - 1].Line : null,
            greatest);
    }

    /// <summary>A line cut into numbers (ints, decimals, exponents, NaN, infinities) and the text between them.</summary>
    public static IReadOnlyList<SnapshotToken> Tokenize(string line) =>
        [.. Number().Split(line)
            .Select((piece, i) => new SnapshotToken(piece, i % 2 == 1 ? Parse(piece) : null))
            .Where(t => t.IsNumber || t.Text.Length > 0)];

    private static CompareResult Result(string verified, string received, IReadOnlyDictionary<string, object> context, bool csv)
    {
        var tolerance = context.GetValueOrDefault(ToleranceKey) as Tolerance ?? Default;
        var comparison = Compare(verified, received, tolerance, csv);
        return comparison.Matches ? CompareResult.Equal : CompareResult.NotEqual(SnapshotMessages.Changed(comparison, tolerance));
    }

    // A text line is one field. A CSV record's fields are compared in pairs, each named by the header's column.
    private static bool SameRow(
        (string Line, string[] Fields) verified, (string Line, string[] Fields) received, int line, Tolerance tolerance, string[]? header, ref NumericDifference? greatest)
    {
        if (verified.Line == received.Line)
        {
            return true;
        }

        if (verified.Fields.Length != received.Fields.Length)
        {
            return false;
        }

        var same = true;
        for (var f = 0; f < verified.Fields.Length; f++)
        {
            var column = header is null ? null : f < header.Length && header[f].Trim().Length > 0 ? header[f].Trim() : $"#{f + 1}";
            same = SameField(verified.Fields[f], received.Fields[f], line, column, tolerance, ref greatest) && same;
        }

        return same;
    }

    private static bool SameField(string verified, string received, int line, string? column, Tolerance tolerance, ref NumericDifference? greatest)
    {
        var v = Content(verified);
        var r = Content(received);
        if (v.Count != r.Count)
        {
            return false;
        }

        var same = true;
        for (var k = 0; k < v.Count; k++)
        {
            if (v[k].IsNumber != r[k].IsNumber || (!v[k].IsNumber && v[k].Text != r[k].Text))
            {
                same = false;
            }
            else if (v[k].Value is { } e && r[k].Value is { } a && !Close(a, e, tolerance))
            {
                same = false;
                var difference = a - e is var d && double.IsFinite(d) ? Math.Abs(d) : double.PositiveInfinity;
                if (greatest is null || difference > greatest.Difference)
                {
                    greatest = new NumericDifference(v[k].Text, r[k].Text, difference, tolerance.Allowance(e), line, column);
                }
            }
        }

        return same;
    }

    private static IReadOnlyList<(string Line, string[] Fields)> Lines(string normalised) =>
        [.. SnapshotText.Lines(normalised).Select(line => (line, new[] { line }))];

    // White space is layout, not content: a number one digit shorter moves the padding of an aligned column. Numbers
    // stay apart (two numbers with a space between are not one), the text between them is compared without it.
    private static List<SnapshotToken> Content(string text) =>
        [.. Tokenize(text)
            .Select(t => t.IsNumber ? t : t with { Text = string.Concat(t.Text.Where(c => !char.IsWhiteSpace(c))) })
            .Where(t => t.IsNumber || t.Text.Length > 0)];

    // Non-finite numbers match only themselves: |r − v| ≤ atol + rtol·|v| would let anything match an infinite v.
    private static bool Close(double received, double verified, Tolerance tolerance) =>
        double.IsFinite(received) && double.IsFinite(verified) ? tolerance.IsClose(received, verified) : received.Equals(verified);

    private static double Parse(string text) => text.TrimStart('+', '-') switch
    {
        "NaN" or "nan" => double.NaN,
        "Infinity" or "inf" or "∞" => text.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    // One capturing group, so that Split keeps each number, at the odd places.
    [GeneratedRegex(@"([-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|(?<![A-Za-z])(?:NaN|nan|Infinity|inf)(?![A-Za-z])|∞))", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
