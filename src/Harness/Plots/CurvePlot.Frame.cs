namespace Parity.Harness.Plots;

internal static partial class CurvePlot
{
    private const double TickLength = 5;

    /// <summary>
    /// A panel's border, grid, ticks and tick labels, and its rotated y-axis label. With <paramref name="zeroBand"/>
    /// the y axis is broken above its foot, where a "0" tick stands for exact zeros.
    /// </summary>
    private static void DrawFrame(SvgWriter svg, PlotArea area, EpochAxis x, LogAxis y, bool zeroBand, string yLabel)
    {
        svg.BeginGroup("axes");
        foreach (var epoch in x.Ticks())
        {
            var px = x.Map(epoch);
            svg.Line(px, area.Top, px, area.Bottom, GridStroke);
            svg.Line(px, area.Bottom, px, area.Bottom + TickLength, AxisStroke);
            svg.Text(px, area.Bottom + 17, EpochAxis.Label(epoch), new TextStyle(Anchor: "middle"), "tick-label");
        }

        foreach (var (decade, labelled) in y.DecadeTicks())
        {
            var py = y.MapDecade(decade);
            if (labelled)
            {
                svg.Line(area.Left, py, area.Right, py, GridStroke);
                svg.Text(area.Left - TickLength - 3, py + 4, LogAxis.Label(decade), new TextStyle(Anchor: "end"), "tick-label");
            }

            svg.Line(area.Left - (labelled ? TickLength : 3), py, area.Left, py, AxisStroke);
        }

        foreach (var value in y.SubDecadeTicks())
        {
            var py = y.Map(value);
            svg.Line(area.Left - 2, py, area.Left, py, AxisStroke);
        }

        svg.Rect(area.Left, area.Top, area.Width, area.Height, fill: "none", stroke: "#bdbdbd");
        svg.Line(area.Left, area.Bottom, area.Right, area.Bottom, AxisStroke);
        if (zeroBand)
        {
            // The gap says: the log scale does not reach zero; "0" below it is a separate line.
            svg.Line(area.Left, area.Top, area.Left, area.Bottom - (ZeroBand * 0.75), AxisStroke);
            svg.Line(area.Left, area.Bottom - (ZeroBand * 0.25), area.Left, area.Bottom, AxisStroke);
            svg.Line(area.Left - TickLength, area.Bottom, area.Left, area.Bottom, AxisStroke);
            svg.Text(area.Left - TickLength - 3, area.Bottom + 4, "0", new TextStyle(Anchor: "end"), "tick-label zero");
        }
        else
        {
            svg.Line(area.Left, area.Top, area.Left, area.Bottom, AxisStroke);
        }

        svg.Text(22, area.CenterY, yLabel, new TextStyle(Anchor: "middle", Size: 12, Rotate: -90), "axis-label");
        svg.EndGroup();
    }

    /// <summary>A row of legend entries above a panel, left to right: a line sample (or a dot) and its label.</summary>
    private static void DrawLegend(SvgWriter svg, PlotArea area, IEnumerable<(string Label, Stroke Stroke, bool Dot)> entries)
    {
        // No text measurement in a string-built SVG: 6 px per character is a safe width for 11 px sans-serif.
        const double CharWidth = 6;
        var (x, y) = (area.Left, area.Top - 10);
        svg.BeginGroup("legend");
        foreach (var (label, stroke, dot) in entries)
        {
            if (dot)
            {
                svg.Circle(x + 12, y - 4, 4, stroke.Colour);
            }
            else
            {
                svg.Line(x, y - 4, x + 24, y - 4, stroke);
            }

            svg.Text(x + 30, y, label, new TextStyle());
            x += 30 + (label.Length * CharWidth) + 18;
        }

        svg.EndGroup();
    }

    /// <summary>A vertical dashed line across a panel at an epoch, optionally labelled near the panel's top.</summary>
    private static void DrawEpochMarker(SvgWriter svg, PlotArea area, double px, Stroke stroke, string? label, string cssClass)
    {
        svg.BeginGroup(cssClass);
        svg.Line(px, area.Top, px, area.Bottom, stroke);
        if (label is not null)
        {
            // Labels run to the right of the line, or to its left where they would leave the panel.
            var leftOfLine = px > area.Right - (label.Length * 6.2) - 10;
            var style = new TextStyle(Anchor: leftOfLine ? "end" : "start", Fill: stroke.Colour, Halo: true);
            svg.Text(leftOfLine ? px - 5 : px + 5, area.Top + 15, label, style);
        }

        svg.EndGroup();
    }
}
