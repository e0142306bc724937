using System.Text;
using Parity.Harness.Running;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Report;

internal static partial class ReportPage
{
    /// <summary>The heading, one line of totals and the summary table: one row per scenario, linking to its section.</summary>
    private static void Overview(StringBuilder page, IReadOnlyList<ScenarioResult> results)
    {
        var expected = results.Count(AsExpected);
        var parity = results.Count(r => r.Verdict == Verdict.Parity);
        var references = string.Join("; ", results
            .Select(r => r.Reference.Description)
            .Distinct(StringComparer.Ordinal));
        var totals = expected == results.Count ? "totals ok" : "totals unexpected";
        page.Append("<header id=\"top\">\n<h1>Parity report</h1>\n")
            .Append($"<p class=\"{totals}\">{results.Count} scenarios: <strong>{expected} reached their expected verdict</strong>")
            .Append(expected == results.Count ? "" : $", <strong>{results.Count - expected} did not</strong>")
            .Append($" ({parity} parity, {results.Count - parity} mismatch).</p>\n")
            .Append($"<p class=\"reference\">Reference: {Html.Escape(references)}.</p>\n</header>\n");

        page.Append("<table class=\"overview\">\n<thead>\n<tr>")
            .Append("<th scope=\"col\">scenario</th><th scope=\"col\">description</th><th scope=\"col\">expected</th>")
            .Append("<th scope=\"col\">verdict</th><th scope=\"col\">diagnosis</th><th scope=\"col\" class=\"number\">max rel diff</th>")
            .Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var result in results)
        {
            var s = result.Scenario;
            page.Append(AsExpected(result) ? "<tr>" : "<tr class=\"unexpected\">")
                .Append($"<td class=\"name\"><a href=\"#{Html.Escape(AnchorOf(s.Name))}\">{Html.Escape(s.Name)}</a></td>")
                .Append($"<td>{Html.Escape(s.Description)}</td>")
                .Append($"<td>{Name(s.Expect)}</td>")
                .Append($"<td>{Badge(result)}</td>")
                .Append($"<td class=\"kind\"><code>{Html.Escape(result.Diagnosis.KindName)}</code></td>")
                .Append($"<td class=\"number\">{Scientific(result.Curve.MaxRelDiff)}</td>")
                .Append("</tr>\n");
        }

        page.Append("</tbody>\n</table>\n");
    }

    /// <summary>The verdict as a coloured label: green parity, amber an expected mismatch, red anything unexpected.</summary>
    private static string Badge(ScenarioResult result)
    {
        var tone = !AsExpected(result) ? "bad" : result.Verdict == Verdict.Parity ? "good" : "demo";
        var note = AsExpected(result) ? "" : $" (expected {Name(result.Scenario.Expect)})";
        return $"<span class=\"verdict {tone}\">{Name(result.Verdict)}{note}</span>";
    }
}
