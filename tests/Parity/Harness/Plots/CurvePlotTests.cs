using NUnit.Framework;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;
using Parity.Harness.Plots;
using Parity.Harness.Scenarios;
using Parity.Tests.Support;

namespace Parity.Tests.Harness.Plots;

[Parallelizable(ParallelScope.Children)]
public sealed class CurvePlotTests
{
    private static readonly Tolerance Float32 = new(Rtol: 1e-4, Atol: 1e-7);

    [Test]
    public void Model_SeedLikeCurves_BothLossesOnTheLogLossAxisOnePointAnEpoch()
    {
        var input = SeedLike("xor-seed-parity — parity", epochs: 5000);

        var model = CurvePlot.Model(input);

        var losses = Lines(model, CurvePlot.LossAxis);
        Assert.That(model.Title, Is.EqualTo("xor-seed-parity — parity"));
        Assert.That(Axis(model, CurvePlot.LossAxis), Is.InstanceOf<LogarithmicAxis>());
        Assert.That(losses.Select(l => l.Title), Is.EqualTo(new[] { "hand-rolled", "PyTorch" }));
        Assert.That(losses[0].Points.Select(p => p.Y), Is.EqualTo(input.HandRolled));
        Assert.That(losses[1].Points.Select(p => p.Y), Is.EqualTo(input.Torch));
        Assert.That(losses[1].Points.Select(p => p.X), Is.EqualTo(Enumerable.Range(0, 5000).Select(e => (double)e)));
    }

    [Test]
    public void Model_Panels_DifferenceStackedBelowLossOverOneEpochAxis()
    {
        var model = CurvePlot.Model(SeedLike("stacked", epochs: 5000));

        var (epoch, loss, difference) = (Axis(model, CurvePlot.EpochAxis), Axis(model, CurvePlot.LossAxis), Axis(model, CurvePlot.DifferenceAxis));
        Assert.That(model.Axes, Has.Count.EqualTo(3));
        Assert.That((epoch.Position, epoch.Title, epoch.Minimum, epoch.Maximum), Is.EqualTo((AxisPosition.Bottom, "epoch", 0.0, 4999.0)));
        Assert.That((loss.Position, loss.Title, loss.EndPosition), Is.EqualTo((AxisPosition.Left, "loss", 1.0)));
        Assert.That((difference.Position, difference.Title, difference.StartPosition), Is.EqualTo((AxisPosition.Left, "|difference|", 0.0)));
        Assert.That(difference.EndPosition, Is.LessThan(loss.StartPosition), "a gap between the panels, the difference below");
        Assert.That(model.Legends.Select(l => l.Key), Is.EqualTo(new[] { CurvePlot.LossAxis, CurvePlot.DifferenceAxis }));
        Assert.That(model.Series.Select(s => s.LegendKey), Is.EqualTo(model.Series.Cast<LineSeries>().Select(s => s.YAxisKey)), "each panel its own legend");
    }

    [Test]
    public void Model_LateDivergence_DifferenceAgainstTheAllowanceEveryEpoch()
    {
        var input = LateDivergence();

        var lines = Lines(CurvePlot.Model(input), CurvePlot.DifferenceAxis);

        Assert.That(Axis(CurvePlot.Model(input), CurvePlot.DifferenceAxis), Is.InstanceOf<LogarithmicAxis>());
        Assert.That(lines.Select(l => l.Title), Is.EqualTo(new[] { "allowance 1e-7 + 1e-4·|PyTorch|", "|hand-rolled − PyTorch|" }));
        Assert.That(lines[0].Points.Select(p => p.Y), Is.EqualTo(input.Torch.Select(t => 1e-7 + (1e-4 * Math.Abs(t)))).Within(1e-18));
        Assert.That(lines[1].Points.Select(p => p.Y), Is.EqualTo(input.HandRolled.Zip(input.Torch, (h, t) => Math.Abs(h - t))));
    }

    [Test]
    public void Model_FirstMismatch_VerticalLineAtItsEpochInTheDifferencePanel()
    {
        var input = LateDivergence();

        var marker = CurvePlot.Model(input).Annotations.Cast<LineAnnotation>().Single();

        Assert.That((marker.Type, marker.X, marker.YAxisKey), Is.EqualTo((LineAnnotationType.Vertical, (double)input.FirstMismatchEpoch!.Value, CurvePlot.DifferenceAxis)));
        Assert.That(marker.Text, Is.EqualTo($"first mismatch: epoch {input.FirstMismatchEpoch}"));
    }

    [Test]
    public void Model_NonFiniteLoss_MarkedInTheLossPanel()
    {
        var input = SeedLike("diverges", epochs: 1000);
        double[] handRolled = [.. input.HandRolled.Select((l, e) => e < 700 ? l : e == 700 ? double.PositiveInfinity : double.NaN)];

        var model = CurvePlot.Model(input with { HandRolled = handRolled, FirstMismatchEpoch = 700 });

        var markers = model.Annotations.Cast<LineAnnotation>().Select(a => (a.X, a.YAxisKey, a.Text)).ToList();
        Assert.That(markers, Is.EquivalentTo(new[]
        {
            (700.0, CurvePlot.LossAxis, "NaN/∞ from epoch 700"),
            (700.0, CurvePlot.DifferenceAxis, "first mismatch: epoch 700"),
        }));
    }

    [Test]
    public void Model_IdenticalCurves_ZerosOnTheAxisFootLabelledZero()
    {
        var input = SeedLike("exact", epochs: 300);

        var model = CurvePlot.Model(input with { Torch = input.HandRolled });

        var axis = Axis(model, CurvePlot.DifferenceAxis);
        var (allowance, difference) = (Lines(model, CurvePlot.DifferenceAxis)[0], Lines(model, CurvePlot.DifferenceAxis)[1]);
        var zero = difference.Points[0].Y;
        Assert.That(difference.Points.Select(p => p.Y), Has.All.EqualTo(zero), "every epoch on one line");
        Assert.That(axis.Minimum, Is.LessThan(zero).And.GreaterThan(zero / 2), "just above the axis's foot");
        Assert.That(axis.LabelFormatter(zero), Is.EqualTo("0"));
        Assert.That(axis.LabelFormatter(zero * 100), Is.EqualTo("1e" + Math.Round(Math.Log10(zero * 100))));
        Assert.That(allowance.Points.Select(p => p.Y), Has.All.GreaterThanOrEqualTo(zero * 10), "no other value in the decade of the zeros");
        Assert.That(allowance.Points.Min(p => p.Y), Is.LessThan(zero * 100), "the zeros one decade below the lowest decade of the others");
    }

    [Test]
    public void Render_IdenticalCurvesAtToleranceZero_EverythingOnTheZeroLine()
    {
        var input = SeedLike("bit-exact", epochs: 300);

        var exact = input with { Torch = input.HandRolled, Tolerance = new Tolerance(0, 0) };

        var lines = Lines(CurvePlot.Model(exact), CurvePlot.DifferenceAxis);
        Assert.That(lines.SelectMany(l => l.Points).Select(p => p.Y).Distinct().ToList(), Has.Count.EqualTo(1), "allowance and difference both 0");
        Assert.That(() => CurvePlot.Render(exact), Throws.Nothing, "OxyPlot draws an axis whose data is one value");
    }

    [Test]
    public void Model_NoEpochs_StillBothPanelsAndRenders()
    {
        var empty = new CurvePlotInput("empty", [], [], Float32, null);

        var model = CurvePlot.Model(empty);

        Assert.That(model.Series.Cast<LineSeries>().Select(s => s.Points.Count), Is.EqualTo(new[] { 0, 0, 0, 0 }));
        Assert.That(() => CurvePlot.Render(empty), Throws.Nothing);
    }

    [Test]
    public void Draw_SpikeAmong5000Epochs_ThinnedPerPixelColumnAndTheSpikeSurvives()
    {
        var input = SeedLike("spike", epochs: 5000);
        var spiked = input.HandRolled.ToArray();
        spiked[2500] = 10;
        var model = CurvePlot.Model(input with { HandRolled = spiked });

        var drawn = DrawnLines.Of(model, PlotSvg.Width, PlotSvg.Height);

        var handRolled = Lines(model, CurvePlot.LossAxis)[0];
        var line = drawn.Where(l => l.Colour == handRolled.Color).MaxBy(l => l.Points.Count)!.Points;
        var plotWidth = Axis(model, CurvePlot.EpochAxis).ScreenMax.X - Axis(model, CurvePlot.EpochAxis).ScreenMin.X;
        Assert.That(handRolled.Points, Has.Count.EqualTo(5000), "the model keeps every epoch; OxyPlot thins when drawing");
        // Per pixel column at most its first, lowest, highest and last point; then OxyPlot leaves out a point closer than
        // 2 px to the one before. Far fewer than one point every 4 px would mean the curve lost its shape.
        Assert.That(line, Has.Count.InRange(plotWidth / 4, 4 * (plotWidth + 1)));
        Assert.That(line.Min(p => p.Y), Is.EqualTo(Axis(model, CurvePlot.LossAxis).Transform(10)).Within(0.5), "a loss of 10 reaches the axis's top");
    }

    /// <summary>
    /// Two curves shaped like the seed's XOR losses (a plateau near 0.25, then an exponential decay), PyTorch's a
    /// float32 rounding of the hand-rolled one, as in the seed comparison.
    /// </summary>
    private static CurvePlotInput SeedLike(string title, int epochs)
    {
        double[] handRolled = [.. Enumerable.Range(0, epochs).Select(e => (0.25 / (1 + Math.Exp((e - 1500) / 150.0))) + (2e-3 * Math.Exp(-e / 2000.0)))];
        double[] torch = [.. handRolled.Select(l => (double)(float)l)];
        return new CurvePlotInput(title, handRolled, torch, Float32, FirstMismatchEpoch: null);
    }

    /// <summary>
    /// The seed-like curves with a relative drift of 1e-6·e^(epoch/500), as float32 against float64 drifts: past
    /// rtol 1e-4 from epoch 2303, past atol + rtol·|torch| a few hundred epochs later, as the loss is small by then.
    /// </summary>
    private static CurvePlotInput LateDivergence()
    {
        var input = SeedLike("xor-float32 — mismatch", epochs: 5000);
        double[] handRolled = [.. input.HandRolled.Select((l, e) => l * (1 + (1e-6 * Math.Exp(e / 500.0))))];
        var firstMismatch = Enumerable.Range(0, 5000).First(e => !Float32.IsClose(handRolled[e], input.Torch[e]));
        return input with { HandRolled = handRolled, FirstMismatchEpoch = firstMismatch };
    }

    private static Axis Axis(PlotModel model, string key) => model.Axes.Single(a => a.Key == key);

    private static List<LineSeries> Lines(PlotModel model, string yAxisKey) =>
        [.. model.Series.Cast<LineSeries>().Where(s => s.YAxisKey == yAxisKey)];
}
