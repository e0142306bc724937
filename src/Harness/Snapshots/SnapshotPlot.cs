using System.Globalization;
using System.Text;

namespace Parity.Harness.Snapshots;

/// <summary>
/// A minimal SVG of a changed CSV snapshot: each plotted column's verified values as a solid line and its received
/// values dashed, against the first column. A reviewer sees at a glance whether a curve moved everywhere or at one
/// epoch. Deliberately self-contained (no dependency on the harness's main plots), since it only has to show a diff.
/// </summary>
internal static class SnapshotPlot
{
    private const double Width = 720, Height = 420, Left = 70, Right = 20, Top = 40, Bottom = 50;
    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];

    /// <summary>
    /// The SVG text, or null when there is nothing to draw (no header, no numeric column in common).
    /// The y axis is logarithmic when every plotted value is positive, as loss curves are.
    /// </summary>
    /// <param name="title">The snapshot's name, shown at the top.</param>
    /// <param name="verifiedCsv">The verified CSV, normalised.</param>
    /// <param name="receivedCsv">The received CSV, normalised.</param>
    /// <param name="columns">Columns to draw; empty: every column after the first.</param>
    public static string? Render(string title, string verifiedCsv, string receivedCsv, IReadOnlyList<string> columns)
    {
        var verified = Parse(verifiedCsv);
        var received = Parse(receivedCsv);
        var names = (columns.Count > 0 ? columns : verified.Header.Skip(1))
            .Where(c => Array.IndexOf(verified.Header, c) > 0 || Array.IndexOf(received.Header, c) > 0)
            .ToList();
        var series = names
            .SelectMany((name, i) => new[]
            {
                (Label: $"{name} (verified)", Colour: Colours[i % Colours.Length], Dashed: false, Points: verified.Points(name)),
                (Label: $"{name} (received)", Colour: Colours[i % Colours.Length], Dashed: true, Points: received.Points(name)),
            })
            .Where(s => s.Points.Count > 0)
            .ToList();
        if (series.Count == 0)
        {
            return null;
        }

        var all = series.SelectMany(s => s.Points).ToList();
        var log = all.All(p => p.Y > 0);
        double Y(double y) => log ? Math.Log10(y) : y;
        var (x0, x1) = Range(all.Select(p => p.X));
        var (y0, y1) = Range(all.Select(p => Y(p.Y)));
        double Px(double x) => Left + ((x - x0) / (x1 - x0) * (Width - Left - Right));
        double Py(double y) => Height - Bottom - ((Y(y) - y0) / (y1 - y0) * (Height - Top - Bottom));

        var svg = new StringBuilder();
        Line(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(Width)}\" height=\"{F(Height)}\" viewBox=\"0 0 {F(Width)} {F(Height)}\" font-family=\"sans-serif\" font-size=\"12\">");
        Line(svg, $"<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        Line(svg, $"<text x=\"{F(Left)}\" y=\"20\" font-size=\"14\">{Escape(title)}: verified (solid) vs received (dashed)</text>");
        Line(svg, $"<rect x=\"{F(Left)}\" y=\"{F(Top)}\" width=\"{F(Width - Left - Right)}\" height=\"{F(Height - Top - Bottom)}\" fill=\"none\" stroke=\"#999\"/>");
        Line(svg, $"<text x=\"{F(Left)}\" y=\"{F(Height - Bottom + 16)}\">{Escape(verified.Header[0])} {G(x0)}</text>");
        Line(svg, $"<text x=\"{F(Width - Right)}\" y=\"{F(Height - Bottom + 16)}\" text-anchor=\"end\">{G(x1)}</text>");
        Line(svg, $"<text x=\"{F(Left - 4)}\" y=\"{F(Top + 10)}\" text-anchor=\"end\">{G(log ? Math.Pow(10, y1) : y1)}</text>");
        Line(svg, $"<text x=\"{F(Left - 4)}\" y=\"{F(Height - Bottom)}\" text-anchor=\"end\">{G(log ? Math.Pow(10, y0) : y0)}</text>");
        if (log)
        {
            Line(svg, $"<text x=\"{F(Left - 4)}\" y=\"{F(Top - 6)}\" text-anchor=\"end\">log y</text>");
        }

        for (var i = 0; i < series.Count; i++)
        {
            var s = series[i];
            var points = string.Join(' ', s.Points.Select(p => $"{F(Px(p.X))},{F(Py(p.Y))}"));
            var dash = s.Dashed ? " stroke-dasharray=\"6 4\"" : "";
            Line(svg, $"<polyline fill=\"none\" stroke=\"{s.Colour}\" stroke-width=\"1.5\"{dash} points=\"{points}\"/>");
            var ly = Top + 16 + (i * 16);
            Line(svg, $"<line x1=\"{F(Width - Right - 190)}\" y1=\"{F(ly - 4)}\" x2=\"{F(Width - Right - 166)}\" y2=\"{F(ly - 4)}\" stroke=\"{s.Colour}\" stroke-width=\"1.5\"{dash}/>");
            Line(svg, $"<text x=\"{F(Width - Right - 160)}\" y=\"{F(ly)}\">{Escape(s.Label)}</text>");
        }

        Line(svg, "</svg>");
        return svg.ToString();
    }

    private static (double Min, double Max) Range(IEnumerable<double> values)
    {
        var (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
        foreach (var v in values)
        {
            (min, max) = (Math.Min(min, v), Math.Max(max, v));
        }

        // A flat series still needs a non-empty range to be drawn.
        return max > min ? (min, max) : (min - 0.5, min + 0.5);
    }

    private static Table Parse(string csv)
    {
        var lines = SnapshotText.Lines(csv);
        var header = lines[0].Split(',').Select(h => h.Trim().Trim('"')).ToArray();
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        return new Table(header, rows);
    }

    private static void Line(StringBuilder svg, string text) => svg.Append(text).Append('\n');

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string G(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private sealed record Table(string[] Header, string[][] Rows)
    {
        /// <summary>(x, y) of a column where both parse and are finite; x falls back to the row number.</summary>
        public List<(double X, double Y)> Points(string column)
        {
            var index = Array.IndexOf(Header, column);
            var points = new List<(double X, double Y)>();
            for (var row = 0; index > 0 && row < Rows.Length; row++)
            {
                var x = Rows[row].Length > 0 && TryParse(Rows[row][0], out var parsed) ? parsed : row;
                if (index < Rows[row].Length && TryParse(Rows[row][index], out var y))
                {
                    points.Add((x, y));
                }
            }

            return points;
        }

        private static bool TryParse(string text, out double value) =>
            double.TryParse(text.Trim().Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}
