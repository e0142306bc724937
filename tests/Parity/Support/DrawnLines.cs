using OxyPlot;

namespace Parity.Tests.Support;

/// <summary>
/// A render context that only records the lines OxyPlot draws, in screen coordinates: what a model looks like once
/// drawn (thinned, clipped, placed), without reading SVG.
/// </summary>
internal sealed class DrawnLines : RenderContextBase
{
    private readonly List<(OxyColor Colour, IList<ScreenPoint> Points)> lines = [];

    private int clips;

    public override int ClipCount => clips;

    /// <summary>Draws <paramref name="model"/> on a <paramref name="width"/> × <paramref name="height"/> canvas.</summary>
    public static IReadOnlyList<(OxyColor Colour, IList<ScreenPoint> Points)> Of(PlotModel model, double width, double height)
    {
        var context = new DrawnLines();
        IPlotModel drawable = model;
        drawable.Update(updateData: true);
        drawable.Render(context, new OxyRect(0, 0, width, height));
        return model.GetLastPlotException() is { } error ? throw new InvalidOperationException("OxyPlot failed to draw", error) : context.lines;
    }

    public override void DrawLine(IList<ScreenPoint> points, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[] dashArray, LineJoin lineJoin) =>
        lines.Add((stroke, [.. points]));

    public override void DrawPolygon(IList<ScreenPoint> points, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[] dashArray, LineJoin lineJoin)
    {
    }

    public override void DrawText(ScreenPoint p, string text, OxyColor fill, string fontFamily, double fontSize, double fontWeight, double rotate, HorizontalAlignment halign, VerticalAlignment valign, OxySize? maxSize)
    {
    }

    // About the size of sans-serif: only the room the layout leaves for labels depends on it. OxyPlot measures an
    // absent subtitle too, as null.
    public override OxySize MeasureText(string? text, string fontFamily, double fontSize, double fontWeight) =>
        new((text?.Length ?? 0) * fontSize * 0.6, fontSize * 1.2);

    public override void PushClip(OxyRect clippingRectangle) => clips++;

    public override void PopClip() => clips--;
}
