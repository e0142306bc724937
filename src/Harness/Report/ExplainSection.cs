using System.Globalization;
using System.Text;
using Parity.Harness.Explain;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Report;

/// <summary>
/// The explain table of a mismatching scenario, for its section of the report: each difference between the two
/// sides, what aligning it alone removes of the curve distance, and the smallest set that restores parity.
/// </summary>
internal static class ExplainSection
{
    public static string Html(Explanation explanation)
    {
        var html = new StringBuilder()
            .Append("<h3>Why: the differences between the two sides</h3>")
            .Append("<p>Curve distance (mean |Δ log10 loss| over the epochs): ")
            .Append(Number(explanation.BaselineDistance)).Append(" decades.</p>")
            .Append("<table class=\"explain\"><thead><tr><th>difference</th><th>what differs</th><th>distance alone</th>")
            .Append("<th>removed</th><th>share</th><th>parity alone</th></tr></thead><tbody>");
        foreach (var impact in explanation.Differences)
        {
            html.Append("<tr><td>").Append(Report.Html.Escape(impact.Difference.Kind.Name())).Append("</td><td>")
                .Append(Report.Html.Escape(impact.Difference.Description)).Append("</td><td>")
                .Append(Number(impact.Alone.Distance)).Append("</td><td>")
                .Append(Percent(impact.RemovedFraction)).Append("</td><td>")
                .Append(Percent(impact.Share)).Append("</td><td>")
                .Append(impact.Alone.Parity ? "yes" : "no").Append("</td></tr>");
        }

        html.Append("</tbody></table><p>");
        html.Append(explanation.SmallestParitySet switch
        {
            null => "No combination of these changes restores parity.",
            { Kinds.Count: 0 } => "The sides are at parity already.",
            var set => Report.Html.Escape($"Smallest set that restores parity: {set.Label} ({explanation.Change}); {explanation.Evaluation}."),
        });
        return html.Append("</p>").ToString();
    }

    private static string Number(double value) => NumberText.Short(value);

    private static string Percent(double fraction) => (100 * fraction).ToString("F1", CultureInfo.InvariantCulture) + "%";
}
