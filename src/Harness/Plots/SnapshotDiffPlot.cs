using System.Globalization;
using CsvHelper;
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

    private static readonly CsvReaderOptions Csv = CsvReaderOptions.Default with
    {
        Separator = ',',
        FieldCountMismatch = CsvFieldCountHandling.Allow,
    };

    /// <summary>The plot as an SVG document (<see cref="PlotSvg"/>), or null when there is nothing to draw.</summary>
    public static string? Render(string title, string verifiedCsv, string receivedCsv, IReadOnlyList<string> columns) =>
        Model(title, verifiedCsv, receivedCsv, columns) is { } model ? PlotSvg.Export(model) : null;

    /// <summary>
    /// The plot's model, or null when there is nothing to draw: no header, no numeric column in common, or a CSV that
    /// cannot be read.
    /// </summary>
    /// <param name="title">The snapshot's name.</param>
    /// <param name="verifiedCsv">The verified CSV, normalised.</param>
    /// <param name="receivedCsv">The received CSV, normalised.</param>
    /// <param name="columns">Columns to draw; empty: every column after the first.</param>
    public static PlotModel? Model(string title, string verifiedCsv, string receivedCsv, IReadOnlyList<string> columns)
    {
        if (Table.Read(verifiedCsv) is not { } verified || Table.Read(receivedCsv) is not { } received)
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

    private sealed record Table(string[] Header, List<string[]> Rows)
    {
        /// <summary>The CSV's header and rows, through CsvHelper; null when it has no header or cannot be read.</summary>
        public static Table? Read(string csv)
        {
            try
            {
                using var reader = CsvReader.FromText(csv, Csv);
                var header = reader.Headers.Select(h => h.Trim()).ToArray();
                var rows = new List<string[]>();
                while (reader.Read())
                {
                    rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader[i].ToString() ?? "")]);
                }

                return header.Length > 0 && header[0].Length > 0 ? new Table(header, rows) : null;
            }
            catch (CsvFormatException)
            {
                return null;
            }
        }

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
