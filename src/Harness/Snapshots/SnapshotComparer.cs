using System.Globalization;
using System.Text.RegularExpressions;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Snapshots;

/// <summary>
/// Numeric-tolerant comparison of snapshot texts. Each line is cut into numbers and the text between them; the
/// text must be equal but for white space, and every number pair close (<c>|r − v| ≤ atol + rtol·|v|</c>). A curve
/// printed round-trip differs between machines in its last digits (BLAS kernels, libms), and an aligned column pads a
/// shorter number with more spaces; a byte comparison would fail there, this one fails only on a real change. A line
/// whose text or count of numbers differs is a text difference.
/// </summary>
internal static partial class SnapshotComparer
{
    /// <summary>Compares <paramref name="received"/> to <paramref name="verified"/>, both normalised.</summary>
    /// <param name="verified">The accepted text.</param>
    /// <param name="received">The text the test produced.</param>
    /// <param name="tolerance">Closeness of each number pair, the verified number being the expected one.</param>
    /// <param name="csv">Whether to name the CSV column (from the verified header line) of the greatest difference.</param>
    public static SnapshotComparison Compare(string verified, string received, Tolerance tolerance, bool csv)
    {
        var v = SnapshotText.Lines(verified);
        var r = SnapshotText.Lines(received);
        var header = csv && v.Length > 0 ? SplitCsv(v[0]) : null;
        var (differing, first) = (0, 0);
        NumericDifference? greatest = null;
        for (var i = 0; i < Math.Max(v.Length, r.Length); i++)
        {
            var same = i < v.Length && i < r.Length && CompareLine(v[i], r[i], i + 1, tolerance, header, ref greatest);
            if (!same)
            {
                differing++;
                first = first == 0 ? i + 1 : first;
            }
        }

        return new SnapshotComparison(
            differing, v.Length, r.Length, first,
            first > 0 && first <= v.Length ? v[first - 1] : null,
            first > 0 && first <= r.Length ? r[first - 1] : null,
            greatest);
    }

    /// <summary>A line cut into numbers (ints, decimals, exponents, NaN, infinities) and the text between them.</summary>
    public static IReadOnlyList<SnapshotToken> Tokenize(string line)
    {
        var tokens = new List<SnapshotToken>();
        var at = 0;
        foreach (Match number in Number().Matches(line))
        {
            if (number.Index > at)
            {
                tokens.Add(new SnapshotToken(line[at..number.Index], null, at));
            }

            tokens.Add(new SnapshotToken(number.Value, Parse(number.Value), number.Index));
            at = number.Index + number.Length;
        }

        if (at < line.Length)
        {
            tokens.Add(new SnapshotToken(line[at..], null, at));
        }

        return tokens;
    }

    private static bool CompareLine(string verified, string received, int line, Tolerance tolerance, string[]? header, ref NumericDifference? greatest)
    {
        if (verified == received)
        {
            return true;
        }

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
                    var column = header is null ? null : ColumnName(header, ColumnIndex(verified, v[k].Offset));
                    greatest = new NumericDifference(v[k].Text, r[k].Text, difference, tolerance.Allowance(e), line, column);
                }
            }
        }

        return same;
    }

    // White space is layout, not content: a number one digit shorter moves the padding of an aligned column. Numbers
    // stay apart (two numbers with a space between are not one), the text between them is compared without it.
    private static List<SnapshotToken> Content(string line) =>
        [.. Tokenize(line)
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

    // Commas outside double quotes separate CSV fields; the snapshot CSVs are written by CsvHelper, which quotes that way.
    private static int ColumnIndex(string line, int offset)
    {
        var (column, quoted) = (0, false);
        for (var i = 0; i < offset; i++)
        {
            (column, quoted) = line[i] switch
            {
                '"' => (column, !quoted),
                ',' when !quoted => (column + 1, quoted),
                _ => (column, quoted),
            };
        }

        return column;
    }

    private static string[] SplitCsv(string line) =>
        [.. SplitRegex().Split(line).Select(field => field.Trim().Trim('"'))];

    private static string ColumnName(string[] header, int index) =>
        index < header.Length && header[index].Length > 0 ? header[index] : $"#{index + 1}";

    [GeneratedRegex(@"[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|(?<![A-Za-z])(?:NaN|nan|Infinity|inf)(?![A-Za-z])|∞)", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@",(?=(?:[^""]*""[^""]*"")*[^""]*$)", RegexOptions.CultureInvariant)]
    private static partial Regex SplitRegex();
}
