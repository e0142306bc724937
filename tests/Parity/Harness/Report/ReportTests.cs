using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using NUnit.Framework;
using Parity.Harness.Reference;
using Parity.Harness.Report;
using Parity.Harness.Running;
using Parity.Tests.Cli;
using Parity.Tests.Support;

namespace Parity.Tests.Harness.Report;

/// <summary>
/// <c>parity report</c> over the whole catalogue, against the committed fixtures (no Python needed): the page is run
/// once, then checked as XML, in a real browser, and through <see cref="ReportPage.Render"/>'s extension point.
/// </summary>
public sealed partial class ReportTests
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private string output = "";
    private string page = "";
    private int exit;
    private IReadOnlyList<string> catalogue = [];

    [OneTimeSetUp]
    public async Task RunReportOnce()
    {
        output = Directory.CreateTempSubdirectory("parity-report-").FullName;
        catalogue = new ParityHarness(new HarnessOptions(Repository.Root)).CatalogueNames();
        string stdout, error;
        (exit, stdout, error) = await CliRunner.RunAsync("report", "--reference", "fixtures", "--out", output);
        Assert.That(exit, Is.Zero, stdout + error);
        page = Path.Combine(output, "index.html");
    }

    [OneTimeTearDown]
    public void DeleteOutput() => Directory.Delete(output, recursive: true);

    [Test]
    public void Report_Fixtures_IsWellFormedWithOneSectionAndOnePlotPerScenario()
    {
        var document = Parse(File.ReadAllText(page));
        var sections = document.Descendants(Xhtml + "section").ToList();

        Assert.That(catalogue, Has.Count.GreaterThanOrEqualTo(16));
        Assert.That(sections.Select(s => (string?)s.Attribute("id")), Is.EqualTo(catalogue.Select(ReportPage.AnchorOf)));
        Assert.That(sections.Select(s => s.Descendants(Svg + "svg").Count()), Has.All.EqualTo(1), "one plot in each section");
        Assert.That(document.Descendants(Svg + "svg").Count(), Is.EqualTo(catalogue.Count), "no plot outside a section");
        Assert.That(sections.Select(s => s.Descendants(Xhtml + "pre").Single().Value), Has.All.StartWith("Loss curves are "));
    }

    [Test]
    public void Report_Fixtures_SummaryTableLinksEveryScenarioToItsSection()
    {
        var document = Parse(File.ReadAllText(page));
        var rows = document.Descendants(Xhtml + "table").First().Element(Xhtml + "tbody")!.Elements(Xhtml + "tr").ToList();
        var links = rows.Select(r => (string?)r.Descendants(Xhtml + "a").First().Attribute("href")).ToList();

        Assert.That(links, Is.EqualTo(catalogue.Select(n => "#" + ReportPage.AnchorOf(n))));
        Assert.That(rows.Select(r => r.Elements(Xhtml + "td").Count()), Has.All.EqualTo(6), "scenario, description, expected, verdict, diagnosis, max rel diff");
        Assert.That(rows.Where(r => r.Attribute("class")?.Value == "unexpected"), Is.Empty, "every scenario reached its expected verdict (exit 0)");
    }

    [Test]
    public void Report_Fixtures_EachMismatchExplainsWhatWouldRestoreParity()
    {
        var document = Parse(File.ReadAllText(page));
        var explained = document.Descendants(Xhtml + "section")
            .Where(s => s.Descendants(Xhtml + "table").Any(t => t.Attribute("class")?.Value == "explain"))
            .Select(s => (string?)s.Attribute("id"))
            .ToList();
        var asPosted = document.Descendants(Xhtml + "section").Single(s => (string?)s.Attribute("id") == ReportPage.AnchorOf("xor-ladder-1-as-posted"));

        Assert.That(explained, Is.EquivalentTo(new[] { "xor-ladder-1-as-posted", "xor-ladder-2-same-init", "xor-ladder-3-no-bias", "parity3-lr-doubled", "xor-adam-lr-doubled" }.Select(ReportPage.AnchorOf)));
        Assert.That(asPosted.Value, Does.Contain("Smallest set that restores parity: bias + init + learning-rate-scale"));
    }

    [Test]
    public void Report_Fixtures_IsSelfContained()
    {
        var text = File.ReadAllText(page);

        Assert.That(text, Does.Not.Contain("<script").And.Not.Contain("<link").And.Not.Contain("@import"));
        Assert.That(Regex.Matches(text, @"url\((?!#)"), Is.Empty, "only the plots' own clip paths");
        Assert.That(Regex.Matches(text, "(?:src|href)=\"(?!#)"), Is.Empty, "only links within the page");
        Assert.That(Directory.GetFiles(output).Select(Path.GetFileName), Is.EqualTo(new[] { "index.html" }), "no temporary file left");
    }

    [Test]
    public async Task Report_OutIsAFile_ExitsTwoAndLeavesItAlone()
    {
        var file = Path.GetTempFileName(); // a file where the folder should be
        File.WriteAllText(file, "mine");
        try
        {
            var (code, _, error) = await CliRunner.RunAsync("report", "--reference", "fixtures", "--out", file);

            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.StartWith("parity: "));
            Assert.That(File.ReadAllText(file), Is.EqualTo("mine"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The page as XML: it is written in XHTML syntax, so only the HTML5 doctype needs ignoring.</summary>
    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    private static async Task<ScenarioResult> FixtureResultAsync(string scenario)
    {
        await using var harness = new ParityHarness(new HarnessOptions(Repository.Root, ReferenceSource.Fixtures));
        return await harness.RunAsync(harness.Load(scenario));
    }
}
