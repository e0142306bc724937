using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Legends;

namespace Parity.Harness.Plots;

/// <summary>
/// The plot of one comparison: two panels stacked over one epoch axis.
/// <list type="bullet">
/// <item>top (<see cref="LossAxis"/>): both logged loss curves on a log scale, the first non-finite epoch marked;</item>
/// <item>bottom (<see cref="DifferenceAxis"/>): <c>|hand-rolled − PyTorch|</c> per epoch on a log scale, against the
/// allowance of the comparison's tolerance, the first mismatching epoch marked. Exact zeros lie on a line labelled
/// "0" at the axis's foot, a decade below every other value.</item>
/// </list>
/// </summary>
internal static class CurvePlot
{
    public const string EpochAxis = "epoch";
    public const string LossAxis = "loss";
    public const string DifferenceAxis = "difference";

    private const string HandRolledColour = "#6baed6";
    private const string TorchColour = "#d95f02";
    private const string DifferenceColour = "#238b45";
    private const string AllowanceColour = "#737373";
    private const string MismatchColour = "#7b3294";
    private const string NonFiniteColour = "#d62728";

    /// <summary>The plot as an SVG document (<see cref="PlotSvg"/>).</summary>
    public static string Render(CurvePlotInput input) => PlotSvg.Export(Model(input));

    /// <summary>The plot's model; see <see cref="CurvePlot"/>.</summary>
    public static PlotModel Model(CurvePlotInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var model = PlotParts.Model(input.Title);
        var epochs = PlotParts.LinearAxis(AxisPosition.Bottom, "epoch", EpochAxis);
        (epochs.Minimum, epochs.Maximum) = (0, Math.Max(1, input.Epochs - 1));
        model.Axes.Add(epochs);
        model.Legends.Add(PlotParts.Legend(LossAxis, LegendPlacement.Outside, LegendPosition.TopLeft));
        // Centred on the plot area's height, the second legend sits in the gap between the panels.
        model.Legends.Add(PlotParts.Legend(DifferenceAxis, LegendPlacement.Inside, LegendPosition.LeftMiddle));
        AddLossPanel(model, input);
        AddDifferencePanel(model, input);
        return model;
    }

    private static void AddLossPanel(PlotModel model, CurvePlotInput input)
    {
        model.Axes.Add(PlotParts.LogAxis(LossAxis, "loss", start: 0.56, end: 1));
        // The hand-rolled line is wide and light, PyTorch's narrow and dark on top: where they agree, both show.
        model.Series.Add(PlotParts.Line("hand-rolled", HandRolledColour, 4, LineStyle.Solid, LossAxis, Points(input.HandRolled)));
        model.Series.Add(PlotParts.Line("PyTorch", TorchColour, 1.5, LineStyle.Solid, LossAxis, Points(input.Torch)));
        if (FirstNonFinite(input) is { } epoch)
        {
            model.Annotations.Add(EpochMarker(epoch, LossAxis, NonFiniteColour, $"NaN/∞ from epoch {Integer(epoch)}"));
        }
    }

    /// <summary>
    /// The difference against the allowance. Exact zeros are drawn on a line one decade below the lowest decade of
    /// every positive value, so no other value shares the band that is labelled "0".
    /// </summary>
    private static void AddDifferencePanel(PlotModel model, CurvePlotInput input)
    {
        var compared = Math.Min(input.HandRolled.Count, input.Torch.Count);
        var differences = Enumerable.Range(0, compared).Select(e => Math.Abs(input.HandRolled[e] - input.Torch[e])).ToList();
        var allowances = input.Torch.Select(input.Tolerance.Allowance).ToList();
        var positive = differences.Concat(allowances).Where(v => v > 0 && double.IsFinite(v)).ToList();
        var zero = Math.Pow(10, Math.Floor(Math.Log10(positive.DefaultIfEmpty(1).Min())) - 1);
        double OnAxis(double value) => value == 0 ? zero : value;

        var axis = PlotParts.LogAxis(DifferenceAxis, "|difference|", start: 0, end: 0.44);
        if (differences.Contains(0) || allowances.Contains(0))
        {
            // The zero line just above the axis's foot, where OxyPlot labels it; an axis of nothing but zeros reaches
            // one decade above it.
            (axis.Minimum, axis.Maximum) = (zero * 0.9, positive.Count > 0 ? double.NaN : zero * 10);
            axis.LabelFormatter = value => IsZeroLine(value, zero) ? "0" : value.ToString(axis.StringFormat, CultureInfo.InvariantCulture);
        }

        model.Axes.Add(axis);
        var allowance = $"allowance {Format(input.Tolerance.Atol)} + {Format(input.Tolerance.Rtol)}·|PyTorch|";
        model.Series.Add(PlotParts.Line(
            allowance, AllowanceColour, 1.2, LineStyle.Dash, DifferenceAxis, Points(allowances.Select(OnAxis))));
        model.Series.Add(PlotParts.Line(
            "|hand-rolled − PyTorch|", DifferenceColour, 1.5, LineStyle.Solid, DifferenceAxis, Points(differences.Select(OnAxis))));
        if (input.FirstMismatchEpoch is { } epoch && epoch >= 0 && epoch < input.Epochs)
        {
            model.Annotations.Add(EpochMarker(epoch, DifferenceAxis, MismatchColour, $"first mismatch: epoch {Integer(epoch)}"));
        }
    }

    private static bool IsZeroLine(double value, double zero) => Math.Abs(Math.Log10(value) - Math.Log10(zero)) < 1e-9;

    /// <summary>A dashed vertical line across one panel at an epoch, labelled at the panel's top.</summary>
    private static LineAnnotation EpochMarker(int epoch, string yAxisKey, string colour, string text) => new()
    {
        Type = LineAnnotationType.Vertical,
        X = epoch,
        XAxisKey = EpochAxis,
        YAxisKey = yAxisKey,
        Color = OxyColor.Parse(colour),
        StrokeThickness = 1.5,
        LineStyle = LineStyle.Dash,
        Text = text,
        TextColor = OxyColor.Parse(colour),
        TextOrientation = AnnotationTextOrientation.Horizontal,
        TextHorizontalAlignment = HorizontalAlignment.Left,
        TextVerticalAlignment = VerticalAlignment.Top,
        TextLinePosition = 1,
        TextMargin = 4,
        BorderBackground = OxyColors.White,
    };

    /// <summary>One point per epoch, epoch 0 first.</summary>
    private static IEnumerable<DataPoint> Points(IEnumerable<double> values) => values.Select((value, epoch) => new DataPoint(epoch, value));

    /// <summary>The first epoch at which either side's loss is NaN or infinite, if any.</summary>
    private static int? FirstNonFinite(CurvePlotInput input)
    {
        static bool NonFinite(IReadOnlyList<double> losses, int epoch) => epoch < losses.Count && !double.IsFinite(losses[epoch]);
        var first = Enumerable.Range(0, input.Epochs).FirstOrDefault(e => NonFinite(input.HandRolled, e) || NonFinite(input.Torch, e), -1);
        return first < 0 ? null : first;
    }

    private static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A tolerance as people write it: <c>1e-7</c>, <c>2.5e-5</c>, <c>0.01</c>, <c>0</c>.</summary>
    private static string Format(double value) =>
        value == 0 || (Math.Abs(value) >= 1e-3 && Math.Abs(value) < 1e4)
            ? value.ToString("G3", CultureInfo.InvariantCulture)
            : value.ToString("0.##e0", CultureInfo.InvariantCulture);
}
