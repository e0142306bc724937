namespace Parity.Harness.Plots;

/// <summary>How a line is drawn: colour, width, and an SVG dash pattern (<c>"6 4"</c>) or none.</summary>
internal readonly record struct Stroke(string Colour, double Width, string? Dash = null)
{
    public string Attributes() =>
        $" stroke=\"{Colour}\" stroke-width=\"{SvgWriter.Number(Width)}\"" + (Dash is null ? "" : $" stroke-dasharray=\"{Dash}\"");
}
