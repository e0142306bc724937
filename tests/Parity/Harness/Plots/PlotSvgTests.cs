using System.Xml.Linq;
using NUnit.Framework;
using Parity.Harness.Plots;
using Parity.Harness.Scenarios;

namespace Parity.Tests.Harness.Plots;

public sealed class PlotSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Test]
    public void Export_SameModelTwice_SameBytesOneWellFormedSvgElement()
    {
        var first = CurvePlot.Render(Diverging("a <b> & \"c\" — mismatch"));
        var second = CurvePlot.Render(Diverging("a <b> & \"c\" — mismatch"));

        var svg = XElement.Parse(first);
        Assert.That(second, Is.EqualTo(first));
        Assert.That(first, Does.StartWith("<svg ").And.EndWith("</svg>\n").And.Not.Contain("\r"), "no XML declaration or DOCTYPE to strip when inlined");
        Assert.That(svg.Name, Is.EqualTo(Svg + "svg"));
        Assert.That(svg.Attribute("viewBox")?.Value, Is.EqualTo("0 0 900 600"), "scales inline");
        Assert.That(svg.Descendants(Svg + "text").Select(t => t.Value), Has.Member("a <b> & \"c\" — mismatch"));
    }

    [Test]
    public void Export_TwoPlots_ClipPathsOfEachOwnAndOnlyReferencedWithin()
    {
        var one = XElement.Parse(CurvePlot.Render(Diverging("one")));
        var two = XElement.Parse(CurvePlot.Render(Diverging("two")));

        static List<string> Ids(XElement svg) => [.. svg.Descendants(Svg + "clipPath").Select(c => (string)c.Attribute("id")!)];
        static List<string> References(XElement svg) =>
            [.. svg.Descendants().Attributes("clip-path").Select(a => a.Value["url(#".Length..^1])];

        Assert.That(Ids(one), Is.Not.Empty.And.Unique);
        Assert.That(Ids(one).Intersect(Ids(two)), Is.Empty, "two plots inline in one page must not clip to each other's rectangles");
        Assert.That(References(one), Is.SubsetOf(Ids(one)));
        Assert.That(References(two), Is.SubsetOf(Ids(two)));
    }

    private static CurvePlotInput Diverging(string title)
    {
        double[] handRolled = [.. Enumerable.Range(0, 500).Select(e => 0.25 * Math.Exp(-e / 100.0))];
        double[] torch = [.. handRolled.Select((l, e) => l * (1 + (1e-3 * e)))];
        return new CurvePlotInput(title, handRolled, torch, new Tolerance(1e-4, 1e-7), FirstMismatchEpoch: 1);
    }
}
