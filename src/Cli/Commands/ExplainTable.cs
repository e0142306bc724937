using System.Globalization;
using Parity.Harness.Explain;
using Parity.Harness.Scenarios;
using Spectre.Console;

namespace Parity.Cli.Commands;

/// <summary>The ablation for a person at a terminal: the differences ranked, the combinations that restore parity, the smallest one.</summary>
internal static class ExplainTable
{
    public static void Show(Terminal terminal, Explanation e)
    {
        var s = e.Scenario;
        var ansi = terminal.Ansi;
        ansi.MarkupLine(Markup.Escape($"{s.Name}: {s.Description}"));
        ansi.MarkupLine(Markup.Escape(
            $"Baseline ({e.Reference.Description}): distance {F(e.BaselineDistance)}, " +
            $"{(e.Baseline.Verdict == Harness.Scenarios.Verdict.Parity ? "parity" : "mismatch")} (max rel {F(e.Baseline.MaxRelDiff)}, rtol {F(s.Tolerance.Rtol)}, atol {F(s.Tolerance.Atol)})"));
        ansi.MarkupLine(Markup.Escape($"Distance: {CurveDistance.Definition}."));
        if (e.Differences.Count == 0)
        {
            ansi.MarkupLine("No differences: the two sides are the same model, trained the same way.");
        }
        else
        {
            var table = new Table().Border(TableBorder.Rounded)
                .Title("Each difference aligned alone on PyTorch's side");
            table.AddColumn(new TableColumn("difference").NoWrap());
            foreach (var column in new[] { "distance alone", "removed", "parity", "share", "aligned last" })
            {
                table.AddColumn(new TableColumn(column).RightAligned());
            }

            foreach (var d in e.Differences)
            {
                table.AddRow(
                    Markup.Escape(d.Difference.Kind.Name()), F(d.Alone.Distance), Percent(d.RemovedFraction),
                    d.Alone.Parity ? "[green]yes[/]" : "no", Percent(d.Share), Percent(d.LastRemovedFraction));
            }

            ansi.Write(table);
            foreach (var d in e.Differences)
            {
                ansi.MarkupLine(Markup.Escape($"  {d.Difference.Kind.Name()}: {d.Difference.Description}."));
            }

            ansi.MarkupLine("removed: % of the baseline distance that aligning it alone removes; share: what it removes averaged over every order of aligning them (Shapley); aligned last: what it removes after all the others.");
            var restoring = e.Combinations.Where(c => c.Parity).ToList();
            ansi.MarkupLine(restoring.Count == 0
                ? "No combination of alignments restores parity."
                : "Combinations that restore parity:");
            foreach (var c in restoring)
            {
                ansi.MarkupLine(Markup.Escape($"  {c.Label}: distance {F(c.Distance)}, max rel {F(c.Curve.MaxRelDiff)}"));
            }
        }

        if (e.SmallestParitySet is { } set)
        {
            ansi.MarkupLine(set.Kinds.Count == 0
                ? "[green]The sides are at parity already: nothing to change.[/]"
                : $"[green]Smallest set that restores parity:[/] [bold]{Markup.Escape(set.Label)}[/] {Markup.Escape($"({e.Change})")}");
        }

        ansi.MarkupLine(Markup.Escape($"Aligned sides {e.Evaluation}."));
        ansi.MarkupLine(Markup.Escape(
            $"Stand-in check: with nothing aligned, the engine is {F(e.StandInDistance)} from the reference (max rel {F(e.StandIn.MaxRelDiff)})."));
    }

    private static string F(double value) => NumberText.Short(value);

    private static string Percent(double fraction) =>
        double.IsFinite(fraction) ? (Math.Round(100 * fraction, 1) + 0.0).ToString("F1", CultureInfo.InvariantCulture) + "%" : fraction.ToString(CultureInfo.InvariantCulture);
}
