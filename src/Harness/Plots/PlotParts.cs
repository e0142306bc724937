using System.Globalization;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace Parity.Harness.Plots;

/// <summary>The parts every Parity plot is built from, so that all of them read alike.</summary>
internal static class PlotParts
{
    /// <summary>
    /// The one font: OxyPlot measures text with Helvetica's metrics whatever the family is called, and Arial and
    /// Liberation Sans, which a browser picks for this list, have the same widths.
    /// </summary>
    public const string Font = "Arial, Helvetica, sans-serif";

    /// <summary>An empty plot titled <paramref name="title"/>: white, the one font, invariant-culture numbers.</summary>
    public static PlotModel Model(string title) => new()
    {
        Title = title,
        TitleFontSize = 15,
        TitleFontWeight = FontWeights.Bold,
        DefaultFont = Font,
        DefaultFontSize = 12,
        Culture = CultureInfo.InvariantCulture,
        Background = OxyColors.White,
        TextColor = OxyColor.Parse("#333333"),
        // No frame around the whole plot area, which may hold several panels: each axis draws its own line.
        PlotAreaBorderThickness = new OxyThickness(0),
        Padding = new OxyThickness(8),
    };

    /// <summary>A linear axis with a dotted grid, e.g. the epochs along the bottom.</summary>
    public static LinearAxis LinearAxis(AxisPosition position, string title, string key) => new()
    {
        Position = position,
        Title = title,
        Key = key,
        MajorGridlineStyle = LineStyle.Dot,
        MajorGridlineColor = OxyColor.Parse("#d9d9d9"),
        AxislineStyle = LineStyle.Solid,
    };

    /// <summary>
    /// A base-10 log axis from <paramref name="start"/> to <paramref name="end"/> of the plot area's height (0 the
    /// foot, 1 the top), so that several panels stack over one x axis. Labels read <c>1e-3</c>, <c>2.505e-1</c>, about
    /// every 30 px: a panel of 200 px over a dozen decades still labels every other one.
    /// </summary>
    public static LogarithmicAxis LogAxis(string key, string title, double start = 0, double end = 1) => new()
    {
        Position = AxisPosition.Left,
        Key = key,
        Title = title,
        StartPosition = start,
        EndPosition = end,
        StringFormat = "0.###e0",
        IntervalLength = 30,
        MajorGridlineStyle = LineStyle.Dot,
        MajorGridlineColor = OxyColor.Parse("#d9d9d9"),
        AxislineStyle = LineStyle.Solid,
    };

    /// <summary>
    /// A legend on white for the series whose <see cref="Series.LegendKey"/> is <paramref name="key"/>, inside or
    /// outside the plot area where <paramref name="position"/> says: in a row above or below, stacked at a side.
    /// </summary>
    public static Legend Legend(string key, LegendPlacement placement, LegendPosition position) => new()
    {
        Key = key,
        LegendPlacement = placement,
        LegendPosition = position,
        LegendOrientation = LegendOrientation.Horizontal,
        LegendSymbolLength = 28,
        LegendPadding = 4,
        LegendMargin = 4,
        LegendBackground = OxyColors.White,
    };

    /// <summary>
    /// A line through <paramref name="points"/> in one panel: on the y axis and in the legend whose key is
    /// <paramref name="panel"/>. Points a log axis cannot place (NaN, infinities, values ≤ 0) break the line. A long
    /// line is thinned as it is drawn, by OxyPlot's <see cref="Decimator"/>: per pixel column only its first, lowest,
    /// highest and last point, so a one-epoch spike survives.
    /// </summary>
    public static LineSeries Line(string title, string colour, double thickness, LineStyle style, string panel, IEnumerable<DataPoint> points)
    {
        var line = new LineSeries
        {
            Title = title,
            Color = OxyColor.Parse(colour),
            StrokeThickness = thickness,
            LineStyle = style,
            LineJoin = LineJoin.Round,
            YAxisKey = panel,
            LegendKey = panel,
            Decimator = Decimator.Decimate,
        };
        line.Points.AddRange(points);
        return line;
    }
}
