using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using OxyPlot;

namespace Parity.Harness.Plots;

/// <summary>
/// The one place a plot becomes SVG text, through OxyPlot's managed <see cref="SvgExporter"/>. The bytes depend on
/// the model alone: a fixed size, text measured with OxyPlot's built-in metrics of the PDF standard fonts (no system
/// font is asked), numbers in the invariant culture, LF line ends. The result is one <c>&lt;svg&gt;</c> element
/// without XML declaration or DOCTYPE, so it stands alone as a file and sits inline in an XHTML page alike.
/// </summary>
internal static class PlotSvg
{
    /// <summary>Every plot's canvas, in px: as wide as the report's column.</summary>
    public const int Width = 900;

    public const int Height = 600;

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly XmlWriterSettings Settings = new()
    {
        OmitXmlDeclaration = true,
        Indent = true,
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    /// <summary>The plot drawn on the <see cref="Width"/> × <see cref="Height"/> canvas, scalable by its viewBox.</summary>
    public static string Export(PlotModel model)
    {
        var exported = SvgExporter.ExportToString(model, Width, Height, isDocument: false, new WideMeasurer());

        // OxyPlot draws an exception thrown while rendering as the plot's text; a plot that failed is a failure.
        if (model.GetLastPlotException() is { } error)
        {
            throw new InvalidOperationException($"OxyPlot could not draw the plot \"{model.Title}\": {error.Message}", error);
        }

        var svg = XElement.Parse(exported);
        svg.SetAttributeValue("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {Width} {Height}"));
        ScopeClipPaths(svg, exported);

        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = XmlWriter.Create(text, Settings))
        {
            svg.Save(writer);
        }

        text.Write('\n');
        return text.ToString();
    }

    /// <summary>
    /// OxyPlot numbers its clip paths from 1 in every export, so two plots inline in one page would clip to each
    /// other's rectangles. A prefix taken from a hash of the export makes the ids unique to the plot and keeps them
    /// the same for the same plot.
    /// </summary>
    private static void ScopeClipPaths(XElement svg, string exported)
    {
        var prefix = "p" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(exported)))[..12] + "-";
        foreach (var clipPath in svg.Descendants(Svg + "clipPath"))
        {
            clipPath.SetAttributeValue("id", prefix + (string?)clipPath.Attribute("id"));
        }

        foreach (var reference in svg.Descendants().Attributes("clip-path"))
        {
            reference.Value = reference.Value.Replace("url(#", "url(#" + prefix, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// OxyPlot's own measurer, made to measure pixels. It measures with Helvetica's widths in PDF points (a 12 px font
    /// as 9 pt, so every label 3/4 of its size in px), and a browser that lacks Arial and Liberation Sans draws with a
    /// wider face (DejaVu Sans, about 10% wider). Measured too small, labels overlap; measured this way, they keep apart.
    /// </summary>
    private sealed class WideMeasurer() : PdfRenderContext(Width, Height, OxyColors.White)
    {
        private const double PixelsPerPoint = 96.0 / 72;
        private const double WiderFace = 1.12;

        public override OxySize MeasureText(string text, string fontFamily, double fontSize, double fontWeight)
        {
            var points = base.MeasureText(text, fontFamily, fontSize, fontWeight);
            return new OxySize(points.Width * PixelsPerPoint * WiderFace, points.Height * PixelsPerPoint);
        }
    }
}
