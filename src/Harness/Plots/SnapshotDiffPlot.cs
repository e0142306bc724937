using System.Globalization;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;

namespace Parity.Harness.Plots;

/// <summary>
/// The plot of a changed CSV snapshot: each plotted column's verified values as a solid line and its received values
/// dashed, in the same colour, against the first column. A reviewer sees at a glance whether a curve moved
/// everywhere or at one epoch. The y axis is logarithmic when every plotted value is positive, as losses are.
/// </summary>
internal static class SnapshotDiffPlot
{
    public const string ValueAxis = "value";

    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];

    /// <summary>The plot as an SVG document (<see cref="PlotSvg"/>), or null when there is nothing to draw.</summary>
    public static string? Render(string title, IReadOnlyList<string[]> verifiedCsv, IReadOnlyList<string[]> receivedCsv, IReadOnlyList<string> columns) =>
        Model(title, verifiedCsv, receivedCsv, columns) is { } model ? PlotSvg.Export(model) : null;

    /// <summary>The plot's model, or null when there is nothing to draw: no header, or no numeric column in common.</summary>
    /// <param name="title">The snapshot's name.</param>
    /// <param name="verifiedCsv">The verified CSV's records, the header first.</param>
    /// <param name="receivedCsv">The received CSV's records, the header first.</param>
    /// <param name="columns">Columns to draw; empty: every column after the first.</param>
    public static PlotModel? Model(string title, IReadOnlyList<string[]> verifiedCsv, IReadOnlyList<string[]> receivedCsv, IReadOnlyList<string> columns)
    {
        if (Table.Of(verifiedCsv) is not { } verified || Table.Of(receivedCsv) is not { } received)
        {
            return null;
        }

        var lines = (columns.Count > 0 ? columns : verified.Header.Skip(1))
            .Where(c => verified.Column(c) > 0 || received.Column(c) > 0)
            .SelectMany((name, i) => new[]
            {
                PlotParts.Line($"{name} (verified)", Colours[i % Colours.Length], 1.5, LineStyle.Solid, ValueAxis, verified.Points(name)),
                PlotParts.Line($"{name} (received)", Colours[i % Colours.Length], 1.5, LineStyle.Dash, ValueAxis, received.Points(name)),
            })
            .Where(line => line.Points.Count > 0)
            .ToList();
        if (lines.Count == 0)
        {
            return null;
        }

        var model = PlotParts.Model(title);
        model.Subtitle = "verified (solid) against received (dashed)";
        model.Axes.Add(PlotParts.LinearAxis(AxisPosition.Bottom, verified.Header[0], "x"));
        model.Axes.Add(lines.All(line => line.Points.All(p => p.Y > 0))
            ? PlotParts.LogAxis(ValueAxis, "value (log scale)")
            : PlotParts.LinearAxis(AxisPosition.Left, "value", ValueAxis));
        model.Legends.Add(PlotParts.Legend(ValueAxis, LegendPlacement.Outside, LegendPosition.TopLeft));
        lines.ForEach(model.Series.Add);
        return model;
    }

    private sealed record Table(string[] Header, IReadOnlyList<string[]> Rows)
    {
        /// <summary>The header (trimmed) and the rows; null without a header.</summary>
        public static Table? Of(IReadOnlyList<string[]> records) =>
            records.Count > 0 && records[0].Length > 0 && records[0][0].Trim().Length > 0
                ? new Table([.. records[0].Select(h => h.Trim())], [.. records.Skip(1)])
                : null;

        /// <summary>The column's index, or -1.</summary>
        public int Column(string name) => Array.IndexOf(Header, name);

        /// <summary>(x, y) of a column where both parse and are finite; x falls back to the row number.</summary>
        public IEnumerable<DataPoint> Points(string column)
        {
            var index = Column(column);
            for (var row = 0; index > 0 && row < Rows.Count; row++)
            {
                var x = Rows[row].Length > 0 && TryParse(Rows[row][0], out var parsed) ? parsed : row;
                if (index < Rows[row].Length && TryParse(Rows[row][index], out var y))
                {
                    yield return new DataPoint(x, y);
                }
            }
        }

        private static bool TryParse(string text, out double value) =>
            double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}
