using System.Text;
using Parity.Harness.Output;
using Parity.Harness.Plots;
using Parity.Harness.Running;

namespace Parity.Harness.Report;

internal static partial class ReportPage
{
    /// <summary>One scenario: verdict, diagnosis, the text summary, the plot, then the extension point's HTML.</summary>
    private static void Section(StringBuilder page, ScenarioResult result, string? extraHtml)
    {
        var s = result.Scenario;
        var t = result.Curve.Tolerance;
        var anchor = Html.Escape(AnchorOf(s.Name));
        page.Append($"<section class=\"scenario\" id=\"{anchor}\">\n")
            .Append($"<h2><a href=\"#{anchor}\">{Html.Escape(s.Name)}</a> {Badge(result)}</h2>\n")
            .Append($"<p class=\"description\">{Html.Escape(s.Description)}</p>\n")
            .Append($"<p class=\"diagnosis\">Diagnosis: <code>{Html.Escape(result.Diagnosis.KindName)}</code> — ")
            .Append(Html.Escape(result.Diagnosis.Detail)).Append("</p>\n")
            .Append($"<pre class=\"summary\">{Html.Escape(Summary.Text(result))}</pre>\n")
            .Append("<figure class=\"plot\">\n")
            .Append(CurvePlot.Render(CurvePlotInput.Of(result)))
            .Append("<figcaption>Top: both logged losses, log scale. Bottom: |hand-rolled − PyTorch| per epoch against ")
            .Append($"the allowance {Number(t.Atol)} + {Number(t.Rtol)}·|PyTorch|.</figcaption>\n")
            .Append("</figure>\n");
        if (extraHtml is not null)
        {
            page.Append("<div class=\"extra\">\n").Append(extraHtml).Append("\n</div>\n");
        }

        page.Append("<p class=\"back\"><a href=\"#top\">↑ summary</a></p>\n</section>\n");
    }
}
