using System.Globalization;

namespace Parity.Harness.Plots;

internal static partial class CurvePlot
{
    /// <summary>The top panel: both loss curves, log scale; non-positive and non-finite losses are skipped.</summary>
    private static void DrawLossPanel(SvgWriter svg, CurvePlotInput input, EpochAxis x, int? firstNonFinite)
    {
        var area = LossArea;
        var y = LogAxis.Spanning(input.HandRolled.Concat(input.Torch), area.Top, area.Bottom);
        double? OnLogScale(double loss) => LogAxis.IsDrawable(loss) ? y.Map(loss) : null;

        svg.BeginGroup("panel loss");
        DrawFrame(svg, area, x, y, zeroBand: false, "loss");
        DrawLegend(svg, area, [("hand-rolled", HandRolledStroke, false), ("PyTorch", TorchStroke, false)]);
        svg.Polyline(Curve(input.HandRolled, x, OnLogScale), HandRolledStroke, "curve hand-rolled");
        svg.Polyline(Curve(input.Torch, x, OnLogScale), TorchStroke, "curve torch");
        if (firstNonFinite is { } epoch)
        {
            DrawEpochMarker(svg, area, x.Map(epoch), NonFiniteStroke, $"NaN/∞ from epoch {epoch.ToString(CultureInfo.InvariantCulture)}", "marker non-finite");
        }

        svg.EndGroup();
    }

    /// <summary>
    /// The bottom panel: <c>|h − t|</c> and the allowance <c>atol + rtol·|t|</c> per epoch, log scale with exact
    /// zeros on the "0" line at the foot; epochs where either side is not finite are skipped.
    /// </summary>
    private static void DrawDifferencePanel(SvgWriter svg, CurvePlotInput input, EpochAxis x, int epochs, int? firstNonFinite)
    {
        var area = DifferenceArea;
        var compared = Math.Min(input.HandRolled.Count, input.Torch.Count);
        var differences = Enumerable.Range(0, compared).Select(e => Math.Abs(input.HandRolled[e] - input.Torch[e])).ToList();
        var allowances = input.Torch.Select(t => input.Atol + (input.Rtol * Math.Abs(t))).ToList();
        var y = LogAxis.Spanning(differences.Concat(allowances), area.Top, area.Bottom - ZeroBand);
        double? OnLogScaleOrZero(double value) => value == 0 ? area.Bottom : LogAxis.IsDrawable(value) ? y.Map(value) : null;

        var tolerance = $"atol {Format(input.Atol)}, rtol {Format(input.Rtol)}";
        var hasMismatch = input.FirstMismatchEpoch is { } m && m >= 0 && m < epochs;
        svg.BeginGroup("panel difference");
        DrawFrame(svg, area, x, y, zeroBand: true, "|difference|");
        List<(string, Stroke, bool)> legend =
        [
            ("|hand-rolled − PyTorch|", DifferenceStroke, false),
            ($"allowance atol + rtol·|torch| ({tolerance})", AllowanceStroke, false),
        ];
        if (hasMismatch)
        {
            legend.Add(("first mismatch", MismatchStroke, true));
        }

        DrawLegend(svg, area, legend);
        svg.Polyline(Curve(allowances, x, OnLogScaleOrZero), AllowanceStroke, "curve allowance");
        svg.Polyline(Curve(differences, x, OnLogScaleOrZero), DifferenceStroke, "curve difference");
        if (firstNonFinite is { } nonFinite)
        {
            DrawEpochMarker(svg, area, x.Map(nonFinite), NonFiniteStroke, label: null, "marker non-finite");
        }

        if (hasMismatch)
        {
            var epoch = input.FirstMismatchEpoch!.Value;
            var px = x.Map(epoch);
            DrawEpochMarker(svg, area, px, MismatchStroke, $"first mismatch: epoch {epoch.ToString(CultureInfo.InvariantCulture)}", "marker first-mismatch");

            // On the difference where it has a place on the axis; a NaN difference sits at the top.
            var difference = epoch < compared ? differences[epoch] : double.NaN;
            svg.Circle(px, OnLogScaleOrZero(difference) ?? area.Top, 4, MismatchStroke.Colour, "marker first-mismatch");
        }

        svg.EndGroup();
    }

    /// <summary>A tolerance as people write it: <c>1e-7</c>, <c>2.5e-5</c>, <c>0.01</c>, <c>0</c>.</summary>
    private static string Format(double value) =>
        value == 0 || (Math.Abs(value) >= 1e-3 && Math.Abs(value) < 1e4)
            ? value.ToString("G3", CultureInfo.InvariantCulture)
            : value.ToString("0.##e0", CultureInfo.InvariantCulture);
}
