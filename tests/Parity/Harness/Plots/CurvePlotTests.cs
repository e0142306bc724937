using System.Globalization;
using System.Xml.Linq;
using NUnit.Framework;
using Parity.Harness.Plots;

namespace Parity.Tests.Harness.Plots;

[Parallelizable(ParallelScope.Children)]
public sealed class CurvePlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Test]
    public void Render_SeedLikeCurves_IsAnSvgDocument()
    {
        var document = XDocument.Parse(CurvePlot.Render(SeedLike("xor-seed-parity — parity", epochs: 5000)));

        Assert.That(document.Root!.Name, Is.EqualTo(Svg + "svg"));
        Assert.That(document.Root.Attribute("viewBox")?.Value, Is.EqualTo("0 0 900 560"));
    }

    [Test]
    public void Render_5000Epochs_TopPanelHasTwoThinnedCurves()
    {
        var document = XDocument.Parse(CurvePlot.Render(SeedLike("xor-seed-parity — parity", epochs: 5000)));

        var curves = Curves(Panel(document, "loss"));

        Assert.That(curves.Select(c => c.Attribute("class")!.Value), Is.EqualTo(new[] { "curve hand-rolled", "curve torch" }));
        // 500 min/max buckets keep at most 1000 points; far fewer would mean the curve lost its shape.
        Assert.That(curves.Select(c => Points(c).Count), Has.All.InRange(200, 1100));
    }

    [Test]
    public void Render_SpikeAmong5000Epochs_SurvivesThinning()
    {
        var input = SeedLike("spike", epochs: 5000);
        var spiked = input.HandRolled.ToArray();
        spiked[2500] = 10;
        var document = XDocument.Parse(CurvePlot.Render(input with { HandRolled = spiked }));

        var handRolled = Curves(Panel(document, "loss"))[0];
        var highest = Points(handRolled).Min(p => p.Y);

        Assert.That(highest, Is.EqualTo(62).Within(0.05), "a loss of 10 tops the axis (1e1) at the panel's top edge");
    }

    [Test]
    public void Render_NonFiniteLoss_MarksItsEpochAndPrintsOnlyNumbers()
    {
        var input = SeedLike("diverges", epochs: 1000);
        var handRolled = input.HandRolled.ToArray();
        handRolled[700] = double.PositiveInfinity;
        for (var epoch = 701; epoch < handRolled.Length; epoch++)
        {
            handRolled[epoch] = double.NaN;
        }

        var svg = CurvePlot.Render(input with { HandRolled = handRolled, FirstMismatchEpoch = 700 });
        var document = XDocument.Parse(svg);

        var marker = Panel(document, "loss").Elements(Svg + "g").Single(g => g.Attribute("class")?.Value == "marker non-finite");
        Assert.That(marker.Element(Svg + "text")?.Value, Is.EqualTo("NaN/∞ from epoch 700"));
        Assert.That(marker.Element(Svg + "line")?.Attribute("stroke-dasharray"), Is.Not.Null);
        var coordinates = document.Descendants()
            .SelectMany(e => e.Attributes())
            .Where(a => a.Name.LocalName is "points" or "x" or "y" or "x1" or "y1" or "x2" or "y2" or "cx" or "cy")
            .ToList();
        Assert.That(coordinates.Where(a => a.Value.Contains("NaN") || a.Value.Contains('∞') || a.Value.Contains("Infinity")), Is.Empty);
        Assert.That(Curves(Panel(document, "loss")).Select(c => Points(c).Max(p => p.X)), Is.EqualTo(new[] { X(699, 1000), X(999, 1000) }).Within(0.05));
    }

    [Test]
    public void Render_TitleWithMarkup_IsEscaped()
    {
        const string Title = "a <b> & \"c\" — mismatch";

        var svg = CurvePlot.Render(SeedLike(Title, epochs: 10));
        var document = XDocument.Parse(svg);

        Assert.That(svg, Does.Contain("a &lt;b&gt; &amp;"));
        Assert.That(document.Root!.Element(Svg + "title")?.Value, Is.EqualTo(Title));
        Assert.That(document.Root.Elements(Svg + "text").Single(t => t.Attribute("class")?.Value == "title").Value, Is.EqualTo(Title));
    }

    [Test]
    public void Render_IdenticalCurves_DrawsZeroDifferencesOnTheZeroLine()
    {
        var input = SeedLike("exact", epochs: 300);
        var document = XDocument.Parse(CurvePlot.Render(input with { Torch = input.HandRolled }));

        var panel = Panel(document, "difference");
        var difference = Curves(panel).Single(c => c.Attribute("class")!.Value == "curve difference");
        var zeroLabel = panel.Descendants(Svg + "text").Single(t => t.Attribute("class")?.Value == "tick-label zero");

        Assert.That(zeroLabel.Value, Is.EqualTo("0"));
        Assert.That(Points(difference).Select(p => p.Y), Has.All.EqualTo(508.0), "every epoch on the panel's foot");
        Assert.That(Points(difference).Select(p => p.X), Has.Some.EqualTo(X(0, 300)).And.Some.EqualTo(X(299, 300)).Within(0.05));
    }

    [Test]
    public void Render_FirstMismatch_IsMarkedInTheDifferencePanel()
    {
        var input = LateDivergence();
        var document = XDocument.Parse(CurvePlot.Render(input));

        var marker = Panel(document, "difference").Elements(Svg + "g").Single(g => g.Attribute("class")?.Value == "marker first-mismatch");

        Assert.That(marker.Element(Svg + "text")?.Value, Is.EqualTo($"first mismatch: epoch {input.FirstMismatchEpoch}"));
        Assert.That(Parse(marker.Element(Svg + "line")!.Attribute("x1")!.Value), Is.EqualTo(X(input.FirstMismatchEpoch!.Value, 5000)).Within(0.05));
        Assert.That(document.Descendants(Svg + "text").Select(t => t.Value), Has.Some.Contains("(atol 1e-7, rtol 1e-4)"));
    }

    [Test]
    public void Render_SameInput_SameBytes()
    {
        var first = CurvePlot.Render(LateDivergence());
        var second = CurvePlot.Render(LateDivergence());

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Render_NoEpochs_StillDrawsBothPanels()
    {
        var document = XDocument.Parse(CurvePlot.Render(new CurvePlotInput("empty", [], [], 1e-4, 1e-7, null)));

        Assert.That(Panel(document, "loss"), Is.Not.Null);
        Assert.That(Panel(document, "difference"), Is.Not.Null);
    }

    [TestCase("late-divergence")]
    [TestCase("parity")]
    [TestCase("non-finite")]
    public void Render_Sample_IsAttachedForReview(string name)
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"CurvePlot.{name}.svg");

        File.WriteAllText(path, CurvePlot.Render(Sample(name)));
        TestContext.AddTestAttachment(path, $"curve plot: {name}");

        Assert.That(() => XDocument.Load(path), Throws.Nothing);
    }

    private static CurvePlotInput Sample(string name)
    {
        switch (name)
        {
            case "late-divergence":
                return LateDivergence();
            case "parity":
                return SeedLike("xor-seed-parity — parity", epochs: 5000);
            default:
                // A learning rate too high: the loss grows, overflows and turns NaN.
                var input = SeedLike("xor-lr-too-high — mismatch", epochs: 5000);
                double[] exploding = [.. input.HandRolled.Select((l, e) => e < 1800 ? l * Math.Exp(e / 200.0) : e == 1800 ? double.PositiveInfinity : double.NaN)];
                return input with { HandRolled = exploding, FirstMismatchEpoch = 1 };
        }
    }

    /// <summary>
    /// Two curves shaped like the seed's XOR losses (a plateau near 0.25, then an exponential decay), PyTorch's a
    /// float32 rounding of the hand-rolled one, as in the seed comparison.
    /// </summary>
    private static CurvePlotInput SeedLike(string title, int epochs)
    {
        double[] handRolled = [.. Enumerable.Range(0, epochs).Select(e => (0.25 / (1 + Math.Exp((e - 1500) / 150.0))) + (2e-3 * Math.Exp(-e / 2000.0)))];
        double[] torch = [.. handRolled.Select(l => (double)(float)l)];
        return new CurvePlotInput(title, handRolled, torch, Rtol: 1e-4, Atol: 1e-7, FirstMismatchEpoch: null);
    }

    /// <summary>
    /// The seed-like curves with a relative drift of 1e-6·e^(epoch/500), as float32 against float64 drifts: past
    /// rtol 1e-4 from epoch 2303, past atol + rtol·|torch| a few hundred epochs later, as the loss is small by then.
    /// </summary>
    private static CurvePlotInput LateDivergence()
    {
        var input = SeedLike("xor-float32 — mismatch", epochs: 5000);
        double[] handRolled = [.. input.HandRolled.Select((l, e) => l * (1 + (1e-6 * Math.Exp(e / 500.0))))];
        var firstMismatch = Enumerable.Range(0, 5000).First(e => Math.Abs(handRolled[e] - input.Torch[e]) > input.Atol + (input.Rtol * Math.Abs(input.Torch[e])));
        return input with { HandRolled = handRolled, FirstMismatchEpoch = firstMismatch };
    }

    private static XElement Panel(XDocument document, string name) =>
        document.Root!.Elements(Svg + "g").Single(g => g.Attribute("class")?.Value == $"panel {name}");

    private static List<XElement> Curves(XElement panel) =>
        [.. panel.Elements(Svg + "polyline").Where(p => p.Attribute("class")!.Value.StartsWith("curve ", StringComparison.Ordinal))];

    private static List<(double X, double Y)> Points(XElement polyline) =>
        [.. polyline.Attribute("points")!.Value.Split(' ').Select(pair => pair.Split(',')).Select(xy => (Parse(xy[0]), Parse(xy[1])))];

    private static double Parse(string number) => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Pixel x of an epoch: the plot area spans 78 to 878.</summary>
    private static double X(int epoch, int epochs) => 78 + (epoch * 800.0 / (epochs - 1));
}
