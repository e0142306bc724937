using System.CommandLine;
using Parity.Harness.Explain;
using Parity.Harness.Output;

namespace Parity.Cli.Commands;

/// <summary>
/// <c>parity explain &lt;scenario|path&gt;</c>: each difference between the two sides, what aligning it removes alone and
/// in combination, and the smallest set of changes that restores parity. Exit 0 when such a set exists (none needed
/// at parity), 1 when none does, 2 on bad input.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(Terminal terminal)
    {
        var scenario = new Argument<string>("scenario") { Description = "A catalogue name (fixtures/scenarios/NAME.json) or a scenario file's path." };
        var reference = CommonOptions.Reference();
        var json = new Option<bool>("--json") { Description = "Print the explanation as JSON (docs/contracts.md) instead of tables." };
        var python = CommonOptions.Python();
        var command = new Command(
            "explain",
            "List the differences between a scenario's two sides, align them one at a time and in combination, rank them by the curve distance each removes, and print the smallest set that restores parity.")
        {
            scenario, reference, json, python,
        };
        command.SetAction((parse, cancellation) =>
        {
            var asJson = parse.GetValue(json);
            var name = parse.GetRequiredValue(scenario);
            return Failures.GuardAsync(terminal, asJson, name, async () =>
            {
                await using var harness = CommonOptions.Harness(CommonOptions.ParseReference(parse.GetRequiredValue(reference)), parse.GetValue(python));
                var explanation = await new Explainer(harness).ExplainAsync(harness.Load(name), cancellation: cancellation).ConfigureAwait(false);
                if (asJson)
                {
                    await terminal.Out.WriteLineAsync(VerdictJson.Text(ExplainJson.Of(explanation))).ConfigureAwait(false);
                }
                else
                {
                    ExplainTable.Show(terminal, explanation);
                }

                return explanation.SmallestParitySet is null ? ExitCodes.Mismatch : ExitCodes.Ok;
            });
        });
        return command;
    }
}
