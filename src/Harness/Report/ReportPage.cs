using System.Globalization;
using System.Text;
using Parity.Harness.Running;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Report;

/// <summary>
/// The report of a whole catalogue run as one self-contained HTML page: inline CSS and inline SVG plots, no
/// scripts, fonts or other resources, so it opens from a CI artifact as it is. A summary table comes first (one
/// row per scenario, linking to its section), then one section per scenario: verdict, diagnosis, the text summary
/// and the plot of both curves and their difference. The page is also well-formed XML (XHTML syntax), so tools can
/// read it back. The same results always give the same bytes: no clock, no machine name.
/// </summary>
internal static partial class ReportPage
{
    /// <summary>Renders the page.</summary>
    /// <param name="results">The scenarios, in the order they are listed.</param>
    /// <param name="extraSectionHtml">
    /// The extension point for more per-scenario content, such as <c>parity explain</c>'s ablation table for a
    /// mismatching scenario: called once per result; what it returns (HTML or XHTML, already escaped by its producer)
    /// is placed at the end of that scenario's section, in a <c>&lt;div class="extra"&gt;</c>. Return
    /// <see langword="null"/> to add nothing.
    /// </param>
    /// <returns>The HTML document, starting with <c>&lt;!DOCTYPE html&gt;</c>.</returns>
    public static string Render(IReadOnlyList<ScenarioResult> results, Func<ScenarioResult, string?>? extraSectionHtml = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n")
            .Append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
            .Append("<meta charset=\"utf-8\"/>\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
            .Append("<title>Parity report</title>\n")
            .Append("<style>\n").Append(Style).Append("\n</style>\n")
            .Append("</head>\n<body>\n<main>\n");
        Overview(page, results);
        foreach (var result in results)
        {
            Section(page, result, extraSectionHtml?.Invoke(result));
        }

        page.Append("</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>The id of a scenario's section: catalogue names are letters, digits, <c>-</c>, <c>_</c> and <c>.</c>.</summary>
    public static string AnchorOf(string scenario) => "scenario-" + scenario;

    /// <summary>Whether the scenario reached the verdict it was written to produce.</summary>
    public static bool AsExpected(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Verdict == result.Scenario.Expect;
    }

    private static string Name(Verdict verdict) => verdict.ToString().ToLowerInvariant();

    /// <summary>Three significant digits, as the plots print them: <c>1e-12</c>, <c>0.5</c>.</summary>
    private static string Number(double value) => NumberText.Short(value);

    /// <summary>A column of differences from 1e-16 to 1 lines up in one notation: <c>3.43e-06</c>.</summary>
    private static string Scientific(double value) =>
        value == 0 ? "0" : value.ToString("0.00e+00", CultureInfo.InvariantCulture);
}
