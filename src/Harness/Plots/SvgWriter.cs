using System.Globalization;
using System.Text;

using Parity.Harness.Output;

namespace Parity.Harness.Plots;

/// <summary>
/// Writes one SVG document element by element. Styling is by presentation attributes only — no
/// <c>&lt;style&gt;</c>, ids, scripts or external resources — so that several plots can sit inline in one HTML page
/// without leaking rules into it or clashing. Coordinates are printed with one decimal, invariant culture.
/// </summary>
internal sealed class SvgWriter
{
    public const string Namespace = "http://www.w3.org/2000/svg";

    private readonly StringBuilder svg = new();

    /// <summary>Opens the document: a white canvas of the given size, titled for screen readers and tooltips.</summary>
    public SvgWriter(int width, int height, string title)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"{Namespace}\" width=\"{width}\" height=\"{height}\" ")
            .Append(CultureInfo.InvariantCulture, $"viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"11\" ")
            .Append("role=\"img\">\n")
            .Append($"<title>{Escape(title)}</title>\n");
        Rect(0, 0, width, height, fill: "#ffffff", stroke: null);
    }

    public void BeginGroup(string cssClass) => svg.Append($"<g class=\"{Escape(cssClass)}\">\n");

    public void EndGroup() => svg.Append("</g>\n");

    public void Rect(double x, double y, double width, double height, string fill, string? stroke)
    {
        svg.Append($"<rect x=\"{Number(x)}\" y=\"{Number(y)}\" width=\"{Number(width)}\" height=\"{Number(height)}\" ")
            .Append($"fill=\"{fill}\"");
        if (stroke is not null)
        {
            svg.Append($" stroke=\"{stroke}\"");
        }

        svg.Append("/>\n");
    }

    public void Line(double x1, double y1, double x2, double y2, Stroke stroke, string? cssClass = null)
    {
        svg.Append($"<line{Class(cssClass)} x1=\"{Number(x1)}\" y1=\"{Number(y1)}\" x2=\"{Number(x2)}\" y2=\"{Number(y2)}\"")
            .Append(stroke.Attributes())
            .Append("/>\n");
    }

    /// <summary>A polyline; points that print the same as the one before are left out.</summary>
    public void Polyline(IEnumerable<PlotPoint> points, Stroke stroke, string cssClass)
    {
        svg.Append($"<polyline{Class(cssClass)} fill=\"none\"").Append(stroke.Attributes()).Append(" stroke-linejoin=\"round\" points=\"");
        var previous = "";
        var first = true;
        foreach (var point in points)
        {
            var printed = $"{Number(point.X)},{Number(point.Y)}";
            if (printed != previous)
            {
                svg.Append(first ? "" : " ").Append(printed);
                (previous, first) = (printed, false);
            }
        }

        svg.Append("\"/>\n");
    }

    public void Circle(double x, double y, double radius, string fill, string? cssClass = null) =>
        svg.Append($"<circle{Class(cssClass)} cx=\"{Number(x)}\" cy=\"{Number(y)}\" r=\"{Number(radius)}\" fill=\"{fill}\"/>\n");

    /// <summary>A line of text, its baseline starting, centred or ending at (x, y) as the style's anchor says.</summary>
    public void Text(double x, double y, string text, TextStyle style, string? cssClass = null)
    {
        svg.Append($"<text{Class(cssClass)} x=\"{Number(x)}\" y=\"{Number(y)}\"");
        if (style.Anchor != "start")
        {
            svg.Append($" text-anchor=\"{style.Anchor}\"");
        }

        if (style.Size != 11)
        {
            svg.Append($" font-size=\"{Number(style.Size)}\"");
        }

        if (style.Bold)
        {
            svg.Append(" font-weight=\"bold\"");
        }

        if (style.Rotate != 0)
        {
            svg.Append($" transform=\"rotate({Number(style.Rotate)} {Number(x)} {Number(y)})\"");
        }

        if (style.Halo)
        {
            svg.Append(" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"");
        }

        svg.Append($" fill=\"{style.Fill}\">{Escape(text)}</text>\n");
    }

    /// <summary>Closes the document and returns it.</summary>
    public string Finish() => svg.Append("</svg>\n").ToString();

    /// <summary>Text made safe for XML content and attribute values (<see cref="XmlText"/>).</summary>
    public static string Escape(string text) => XmlText.Escape(text);

    /// <summary>One decimal, invariant culture, never <c>-0.0</c>.</summary>
    public static string Number(double value) =>
        (Math.Round(value, 1, MidpointRounding.AwayFromZero) + 0.0).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Class(string? cssClass) => cssClass is null ? "" : $" class=\"{Escape(cssClass)}\"";
}
