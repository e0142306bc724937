using System.Text.RegularExpressions;
using NUnit.Framework;
using Parity.Harness.Report;
using Parity.Harness.Scenarios;
using Parity.Tests.Support;

namespace Parity.Tests.Harness.Report;

public sealed partial class ReportTests
{
    [Test]
    public async Task Report_HeadlessChromium_RendersEveryScenariosPlot()
    {
        Requires.HeadlessChromiumInstalled();
        var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "parity-report.png");

        var dom = await HeadlessChromium.RenderAsync(page, screenshot, 1200, 4000);
        TestContext.AddTestAttachment(screenshot, "the report's first 4000 px, as headless Chromium draws it");

        var plots = Regex.Matches(dom, "<svg\\b.*?</svg>", RegexOptions.Singleline);
        Assert.That(plots.Count(p => p.Value.Contains("<polyline", StringComparison.Ordinal)), Is.EqualTo(catalogue.Count),
            "every scenario's plot is in the DOM with its curves");
        Assert.That(Regex.Matches(dom, "<section\\b").Count, Is.EqualTo(catalogue.Count));
        // A blank 1200×4000 page compresses to a few kB; tables, text and 16 plots take hundreds.
        Assert.That(new FileInfo(screenshot).Length, Is.GreaterThan(100_000), "the screenshot shows the page, not a blank canvas");
    }

    [Test]
    public async Task Render_ExtraSectionHtml_LandsInThatScenariosSectionOnly()
    {
        var parity = await FixtureResultAsync("xor-seed-parity");
        var mismatch = await FixtureResultAsync("xor-ladder-3-no-bias");

        var html = ReportPage.Render([parity, mismatch],
            r => r.Verdict == Verdict.Mismatch ? "<table class=\"explain\"><tr><td>lr ×2</td></tr></table>" : null);

        var sections = Parse(html).Descendants(Xhtml + "section").ToList();
        Assert.That(sections[0].Descendants(Xhtml + "table"), Is.Empty);
        Assert.That(sections[1].Descendants(Xhtml + "div").Single(d => d.Attribute("class")?.Value == "extra")
            .Element(Xhtml + "table")?.Attribute("class")?.Value, Is.EqualTo("explain"));
    }

    [Test]
    public async Task Render_SameScenariosRunTwice_SameBytes()
    {
        var first = ReportPage.Render([await FixtureResultAsync("xor-seed-parity"), await FixtureResultAsync("xor-ladder-1-as-posted")]);
        var second = ReportPage.Render([await FixtureResultAsync("xor-seed-parity"), await FixtureResultAsync("xor-ladder-1-as-posted")]);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task Render_VerdictNotExpected_RowAndBadgeSaySo()
    {
        var result = await FixtureResultAsync("xor-ladder-3-no-bias");
        var surprising = result with { Scenario = result.Scenario with { Expect = Verdict.Parity } };

        var html = ReportPage.Render([surprising]);

        Assert.That(ReportPage.AsExpected(surprising), Is.False);
        Assert.That(html, Does.Contain("<tr class=\"unexpected\">").And.Contain("mismatch (expected parity)").And.Contain("1 did not"));
    }

    [Test]
    public async Task Render_DescriptionWithMarkup_IsEscaped()
    {
        var result = await FixtureResultAsync("xor-seed-parity");
        var hostile = result with { Scenario = result.Scenario with { Description = "<script>alert('x')</script> & \u0001" } };

        var html = ReportPage.Render([hostile]);

        Assert.That(html, Does.Not.Contain("<script>").And.Contain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "));
        Assert.That(() => Parse(html), Throws.Nothing, "still well-formed");
    }
}
