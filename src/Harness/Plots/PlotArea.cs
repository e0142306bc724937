namespace Parity.Harness.Plots;

/// <summary>The rectangle, in SVG user units, that one panel's data is drawn in (axes sit on its edges).</summary>
internal readonly record struct PlotArea(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;

    public double CenterX => (Left + Right) / 2;

    public double CenterY => (Top + Bottom) / 2;
}
