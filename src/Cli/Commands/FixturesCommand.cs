using System.CommandLine;
using Parity.Harness.Reference;
using Parity.Harness.Running;
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
        var reference = CommonOptions.LiveReference();
        var regenerate = new Command(
            "regenerate",
            "Run the live reference (TorchSharp unless --reference pytorch) and rewrite the fixtures, atomically: a failed or interrupted run leaves the old ones.")
        {
            names, reference, python,
        };
        regenerate.SetAction((parse, cancellation) => Failures.GuardAsync(terminal, false, null, async () =>
        {
            // One session for the whole run, as for a test run: with the Python worker, one worker trains every scenario.
            var source = CommonOptions.ParseReference(parse.GetRequiredValue(reference));
            await using var harness = CommonOptions.Harness(source, parse.GetValue(python));
            var scenarios = Select(harness, parse.GetValue(names));
            await terminal.Ansi.Progress().AutoClear(false).StartAsync(async progress =>
            {
                var task = progress.AddTask("Regenerating fixtures", maxValue: scenarios.Count);
                foreach (var scenario in scenarios)
                {
                    await harness.RegenerateAsync(scenario, source, cancellation).ConfigureAwait(false);
                    task.Increment(1);
                }

                task.Description = "Regenerated";
            }).ConfigureAwait(false);
            await terminal.Out.WriteLineAsync($"Regenerated {scenarios.Count} fixture(s) under {harness.Fixtures.Root}.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }));

        var checkNames = new Argument<string[]>("names") { Description = "Catalogue scenarios (default: all).", Arity = ArgumentArity.ZeroOrMore };
        var checkPython = CommonOptions.Python();
        var exact = new Option<bool>("--exact") { Description = "Allow no difference at all, not even another machine's rounding." };
        var check = new Command(
            "check",
            "Prove the committed fixtures are what the live reference that made each produces now (bit-exact, or within rounding: another machine's last bits), from the current scenarios.")
        {
            checkNames, checkPython, exact,
        };
        check.SetAction((parse, cancellation) => Failures.GuardAsync(terminal, false, null, async () =>
        {
            await using var harness = CommonOptions.Harness(ReferenceSource.Auto, parse.GetValue(checkPython));
            var results = new List<FixtureCheck>();
            foreach (var scenario in Select(harness, parse.GetValue(checkNames)))
            {
                var result = await harness.CheckAsync(scenario, parse.GetValue(exact), cancellation).ConfigureAwait(false);
                results.Add(result);
                await terminal.Out.WriteLineAsync($"{Word(result.Freshness),-15} {result.Scenario}: {result.Detail}").ConfigureAwait(false);
            }

            var counts = string.Join(", ", results.GroupBy(r => r.Freshness).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Word(g.Key)}"));
            var failed = results.Count(r => !r.Ok);
            await terminal.Out.WriteLineAsync(failed == 0
                ? $"{results.Count} fixture(s): {counts}. Every fixture is what its live reference produces."
                : $"{results.Count} fixture(s): {counts}. {failed} fixture(s) out of date.").ConfigureAwait(false);
            return failed == 0 ? ExitCodes.Ok : ExitCodes.Mismatch;
        }));

        return new Command("fixtures", "Regenerate or check what PyTorch produced for the catalogue.") { regenerate, check };
    }

    private static string Word(Freshness freshness) => freshness switch
    {
        Freshness.BitExact => "bit-exact",
        Freshness.WithinRounding => "within rounding",
        Freshness.Differs => "differs",
        Freshness.Stale => "stale",
        _ => "unusable",
    };

    private static List<Scenario> Select(Harness.Running.ParityHarness harness, string[]? names) =>
        [.. (names is { Length: > 0 } ? names : harness.CatalogueNames()).Select(harness.Load)];
}
