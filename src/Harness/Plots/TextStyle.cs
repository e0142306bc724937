namespace Parity.Harness.Plots;

/// <summary>
/// How text is drawn: anchor (<c>start</c>, <c>middle</c>, <c>end</c>), size in px, weight, colour, rotation in
/// degrees, and a white halo that keeps it readable over curves and grid lines.
/// </summary>
internal sealed record TextStyle(
    string Anchor = "start",
    double Size = 11,
    bool Bold = false,
    string Fill = "#333333",
    double Rotate = 0,
    bool Halo = false);
