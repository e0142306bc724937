namespace Parity.Harness.Plots;

/// <summary>
/// The plot of one comparison as a self-contained SVG document (no scripts, fonts or external resources; valid
/// inline in HTML). Two panels share the epoch axis:
/// <list type="bullet">
/// <item>top: both logged loss curves on a log scale, with the first non-finite epoch marked;</item>
/// <item>bottom: <c>|hand-rolled − PyTorch|</c> per epoch on a log scale (exact zeros on a "0" line at its foot),
/// against the allowance <c>atol + rtol·|torch|</c>, with the first mismatching epoch marked.</item>
/// </list>
/// Each polyline is thinned to at most <c>2 × <see cref="Buckets"/></c> points, so 5000 epochs stay small, and the
/// same input always gives the same bytes.
/// </summary>
internal static partial class CurvePlot
{
    private const int Width = 900;
    private const int Height = 560;

    // About 1.6 px per bucket: below what the eye resolves, and at most 1000 points a polyline.
    private const int Buckets = 500;

    // The strip at the foot of the difference panel where exact zeros are drawn, apart from the log decades.
    private const double ZeroBand = 16;

    private static readonly PlotArea LossArea = new(Left: 78, Top: 62, Right: 878, Bottom: 282);
    private static readonly PlotArea DifferenceArea = new(Left: 78, Top: 342, Right: 878, Bottom: 508);

    private static readonly Stroke HandRolledStroke = new("#6baed6", 4);
    private static readonly Stroke TorchStroke = new("#d95f02", 1.5);
    private static readonly Stroke DifferenceStroke = new("#238b45", 1.5);
    private static readonly Stroke AllowanceStroke = new("#737373", 1.2, "6 4");
    private static readonly Stroke MismatchStroke = new("#7b3294", 1.2, "3 3");
    private static readonly Stroke NonFiniteStroke = new("#d62728", 1.5, "6 4");
    private static readonly Stroke AxisStroke = new("#333333", 1);
    private static readonly Stroke GridStroke = new("#e6e6e6", 1);

    /// <summary>Renders the plot; see <see cref="CurvePlot"/>.</summary>
    /// <returns>The SVG document, UTF-16 text without an XML declaration.</returns>
    public static string Render(CurvePlotInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var epochs = Math.Max(input.HandRolled.Count, input.Torch.Count);
        var x = new EpochAxis(epochs, LossArea.Left, LossArea.Right);
        var firstNonFinite = FirstNonFinite(input.HandRolled, input.Torch);

        var svg = new SvgWriter(Width, Height, input.Title);
        svg.Text(Width / 2.0, 24, input.Title, new TextStyle(Anchor: "middle", Size: 16, Bold: true), "title");
        DrawLossPanel(svg, input, x, firstNonFinite);
        DrawDifferencePanel(svg, input, x, epochs, firstNonFinite);
        svg.Text(DifferenceArea.CenterX, DifferenceArea.Bottom + 38, "epoch", new TextStyle(Anchor: "middle", Size: 12), "axis-label");
        return svg.Finish();
    }

    /// <summary>The first epoch at which either side's loss is NaN or infinite, if any.</summary>
    private static int? FirstNonFinite(IReadOnlyList<double> handRolled, IReadOnlyList<double> torch)
    {
        static int? First(IReadOnlyList<double> values)
        {
            for (var epoch = 0; epoch < values.Count; epoch++)
            {
                if (!double.IsFinite(values[epoch]))
                {
                    return epoch;
                }
            }

            return null;
        }

        return (First(handRolled), First(torch)) switch
        {
            ({ } h, { } t) => Math.Min(h, t),
            (var h, var t) => h ?? t,
        };
    }

    /// <summary>Pixel points of the values that <paramref name="y"/> can place (the others are skipped), thinned.</summary>
    private static IReadOnlyList<PlotPoint> Curve(IEnumerable<double> values, EpochAxis x, Func<double, double?> y)
    {
        var points = values
            .Select((value, epoch) => (Y: y(value), Epoch: epoch))
            .Where(p => p.Y is not null)
            .Select(p => new PlotPoint(x.Map(p.Epoch), p.Y!.Value))
            .ToList();
        return MinMaxDownsampler.Reduce(points, LossArea.Left, LossArea.Right, Buckets);
    }
}
