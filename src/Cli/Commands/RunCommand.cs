using System.CommandLine;

namespace Parity.Cli.Commands;

/// <summary><c>parity run &lt;scenario|path&gt;</c>: both sides, the verdict, the curves CSV and a plot.</summary>
internal static class RunCommand
{
    public static Command Create(Terminal terminal)
    {
        var scenario = new Argument<string>("scenario") { Description = "A catalogue name (fixtures/scenarios/NAME.json) or a scenario file's path." };
        var reference = CommonOptions.Reference();
        var output = new Option<string?>("--out") { Description = "Where to write curves.csv and curves.svg (default: out/<scenario>)." };
        var json = CommonOptions.Json();
        var python = CommonOptions.Python();
        var command = new Command("run", "Train both sides of a scenario, compare the loss curves epoch by epoch, and say why they part.")
        {
            scenario, reference, output, json, python,
        };
        command.SetAction((parse, cancellation) =>
        {
            var asJson = parse.GetValue(json);
            var name = parse.GetRequiredValue(scenario);
            return Failures.GuardAsync(terminal, asJson, name, async () =>
            {
                await using var harness = CommonOptions.Harness(CommonOptions.ParseReference(parse.GetRequiredValue(reference)), parse.GetValue(python));
                var loaded = harness.Load(name);
                var result = await harness.RunAsync(loaded, cancellation: cancellation).ConfigureAwait(false);
                return await Artifacts.ConcludeAsync(terminal, result, parse.GetValue(output), asJson).ConfigureAwait(false);
            });
        });
        return command;
    }
}
