using System.Globalization;
using Parity.HandRolled.Model;
using Parity.Harness.Running;
using Parity.Harness.Scenarios;
using Spectre.Console;

namespace Parity.Cli.Commands;

/// <summary>The verdict as a table, the diagnosis and the worst epochs, for a person at a terminal.</summary>
internal static class VerdictTable
{
    public static void Show(Terminal terminal, ScenarioResult result, IReadOnlyList<string> written)
    {
        var s = result.Scenario;
        var c = result.Curve;
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"{s.Name}: {s.Description}"));
        table.AddColumn("");
        table.AddColumn("hand-rolled");
        table.AddColumn("PyTorch");
        table.AddRow("network", Net(s.NetworkOf(s.HandRolled)), Net(s.NetworkOf(s.Torch)));
        table.AddRow(
            "loss · lr",
            $"{s.HandRolled.Loss.Name()} · {F(s.HandRolled.LearningRate)}{ScenarioSchedules.Suffix(s.HandRolled.Schedule)}",
            $"{s.Torch.Loss.Name()} · {F(s.Torch.LearningRate)}{ScenarioSchedules.Suffix(s.Torch.Schedule)}");
        table.AddRow("dtype · batch", $"{s.HandRolled.DType.Name()} · {s.HandRolled.Batch.Name()}", $"{s.Torch.DType.Name()} · {s.Torch.Batch.Name()}");
        table.AddRow("first loss", F(result.HandRolled.Losses[0]), F(result.Reference.Torch.Losses[0]));
        table.AddRow("last loss", F(result.HandRolled.Losses[^1]), F(result.Reference.Torch.Losses[^1]));
        terminal.Ansi.Write(table);

        var verdict = result.Verdict == Verdict.Parity ? "[green]parity[/]" : "[red]mismatch[/]";
        terminal.Ansi.MarkupLine($"Verdict: {verdict} over {c.Epochs} epochs (rtol {F(c.Tolerance.Rtol)}, atol {F(c.Tolerance.Atol)}); " +
            Markup.Escape($"max |Δ| {F(c.MaxAbsDiff)}, max rel {F(c.MaxRelDiff)}, worst epoch {c.WorstEpoch}") +
            (c.FirstMismatchEpoch is { } first ? Markup.Escape($", {c.MismatchedCount} epochs mismatched from epoch {first}") : ""));
        terminal.Ansi.MarkupLine(Markup.Escape($"Reference: {result.Reference.SourceName}, {result.Reference.Description}"
            + (result.Reference.Note is { } note ? $" — {note}" : "")));
        terminal.Ansi.MarkupLine($"Diagnosis: [bold]{result.Diagnosis.KindName}[/] — {Markup.Escape(result.Diagnosis.Detail)}");
        terminal.Ansi.MarkupLine(Markup.Escape($"Wrote {string.Join(", ", written)}"));
    }

    private static string Net(NetworkSpec n) =>
        $"[{string.Join(", ", n.Layers)}] {string.Join("/", n.Activations.Select(a => a.Name()))}{(n.Bias ? " + bias" : "")}".Replace("[", "[[", StringComparison.Ordinal).Replace("]", "]]", StringComparison.Ordinal);

    private static string F(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
