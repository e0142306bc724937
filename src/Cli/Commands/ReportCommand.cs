using System.CommandLine;
using Parity.Common;
using Parity.Harness.Explain;
using Parity.Harness.Report;
using Parity.Harness.Scenarios;

namespace Parity.Cli.Commands;

/// <summary>
/// <c>parity report</c>: every catalogue scenario, trained in parallel, on one self-contained HTML page. Exit 0 when
/// every scenario reached its expected verdict, 1 when one did not, 2 on an error (and then no page is written).
/// </summary>
internal static class ReportCommand
{
    public const string PageName = "index.html";

    public static Command Create(Terminal terminal)
    {
        var reference = CommonOptions.Reference();
        var output = new Option<string>("--out")
        {
            Description = $"Where to write {PageName} (default: out/report).",
            DefaultValueFactory = _ => Path.Combine("out", "report"),
        };
        var python = CommonOptions.Python();
        var command = new Command("report", "Run the whole scenario catalogue and write one HTML page: summary table, verdicts, diagnoses, plots.")
        {
            reference, output, python,
        };
        command.SetAction((parse, cancellation) => Failures.GuardAsync(terminal, json: false, scenario: null, async () =>
        {
            await using var harness = CommonOptions.Harness(CommonOptions.ParseReference(parse.GetRequiredValue(reference)), parse.GetValue(python));

            // Load everything first, so a broken scenario file stops the report before any training.
            var scenarios = harness.CatalogueNames().Select(harness.Load).ToList();
            if (scenarios.Count == 0)
            {
                throw new ArgumentException($"No scenarios in {harness.Options.Catalogue}: run parity report from inside the repository.");
            }

            // Task.Run: the hand-rolled side trains synchronously; live PyTorch requests queue for the one worker.
            var results = await Task.WhenAll(scenarios.Select(s => Task.Run(() => harness.RunAsync(s, cancellation: cancellation), cancellation)))
                .ConfigureAwait(false);

            // Each mismatching scenario's section also gets parity explain's table: what would restore parity.
            var explainer = new Explainer(harness);
            var explanations = new Dictionary<string, string>();
            foreach (var result in results.Where(r => r.Verdict != Verdict.Parity))
            {
                var explanation = await explainer.ExplainAsync(result.Scenario, cancellation: cancellation).ConfigureAwait(false);
                explanations[result.Scenario.Name] = ExplainSection.Html(explanation);
            }

            var page = ReportPage.Render(results, r => explanations.GetValueOrDefault(r.Scenario.Name));
            var path = Path.Combine(parse.GetRequiredValue(output), PageName);
            AtomicFile.Write(path, page);

            var unexpected = results.Where(r => !ReportPage.AsExpected(r)).ToList();
            foreach (var result in unexpected)
            {
                await terminal.Out.WriteLineAsync(
                    $"{result.Scenario.Name}: {Name(result.Verdict)}, expected {Name(result.Scenario.Expect)} — {result.Diagnosis.KindName}: {result.Diagnosis.Detail}")
                    .ConfigureAwait(false);
            }

            await terminal.Out.WriteLineAsync(
                $"{results.Length - unexpected.Count} of {results.Length} scenarios reached their expected verdict; wrote {path}").ConfigureAwait(false);
            return unexpected.Count == 0 ? ExitCodes.Ok : ExitCodes.Mismatch;
        }));
        return command;
    }

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
