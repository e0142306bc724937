namespace Parity.Harness.Plots;

/// <summary>A point in SVG user units: x to the right, y downwards.</summary>
internal readonly record struct PlotPoint(double X, double Y);
