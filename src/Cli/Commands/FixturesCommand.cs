using System.CommandLine;
using Parity.Harness.Reference;
using Parity.Harness.Scenarios;
using Spectre.Console;

namespace Parity.Cli.Commands;

/// <summary><c>parity fixtures regenerate [names…]</c> and <c>parity fixtures check</c>.</summary>
internal static class FixturesCommand
{
    public static Command Create(Terminal terminal)
    {
        var names = new Argument<string[]>("names") { Description = "Catalogue scenarios (default: all).", Arity = ArgumentArity.ZeroOrMore };
        var python = CommonOptions.Python();
        var regenerate = new Command("regenerate", "Run live PyTorch and rewrite the fixtures, atomically: a failed or interrupted run leaves the old ones.")
        {
            names, python,
        };
        regenerate.SetAction((parse, cancellation) => Failures.GuardAsync(terminal, false, null, async () =>
        {
            // One PyTorch worker for the whole run, as for a test run: it trains one scenario at a time, each one request.
            await using var harness = CommonOptions.Harness(ReferenceMode.Live, parse.GetValue(python));
            var scenarios = Select(harness, parse.GetValue(names));
            await terminal.Ansi.Progress().AutoClear(false).StartAsync(async progress =>
            {
                var task = progress.AddTask("Regenerating fixtures", maxValue: scenarios.Count);
                foreach (var scenario in scenarios)
                {
                    await harness.RegenerateAsync(scenario, cancellation).ConfigureAwait(false);
                    task.Increment(1);
                }

                task.Description = "Regenerated";
            }).ConfigureAwait(false);
            await terminal.Out.WriteLineAsync($"Regenerated {scenarios.Count} fixture(s) under {harness.Fixtures.Root}.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }));

        var checkNames = new Argument<string[]>("names") { Description = "Catalogue scenarios (default: all).", Arity = ArgumentArity.ZeroOrMore };
        var checkPython = CommonOptions.Python();
        var check = new Command("check", "Prove the committed fixtures are what live PyTorch produces now, from the current scenarios.")
        {
            checkNames, checkPython,
        };
        check.SetAction((parse, cancellation) => Failures.GuardAsync(terminal, false, null, async () =>
        {
            await using var harness = CommonOptions.Harness(ReferenceMode.Live, parse.GetValue(checkPython));
            var failed = 0;
            foreach (var scenario in Select(harness, parse.GetValue(checkNames)))
            {
                var result = await harness.CheckAsync(scenario, cancellation).ConfigureAwait(false);
                failed += result.Ok ? 0 : 1;
                await terminal.Out.WriteLineAsync($"{(result.Ok ? "ok  " : "FAIL")} {result.Scenario}: {result.Detail}").ConfigureAwait(false);
            }

            await terminal.Out.WriteLineAsync(failed == 0 ? "Every fixture is what live PyTorch produces." : $"{failed} fixture(s) out of date.").ConfigureAwait(false);
            return failed == 0 ? ExitCodes.Ok : ExitCodes.Mismatch;
        }));

        return new Command("fixtures", "Regenerate or check what PyTorch produced for the catalogue.") { regenerate, check };
    }

    private static List<Scenario> Select(Harness.Running.ParityHarness harness, string[]? names) =>
        [.. (names is { Length: > 0 } ? names : harness.CatalogueNames()).Select(harness.Load)];
}
