using System.CommandLine;
using Parity.Harness.Trainers;

namespace Parity.Cli.Commands;

/// <summary><c>parity verify &lt;scenario|path&gt; --trainer "&lt;command line&gt;"</c>: any trainer against PyTorch.</summary>
internal static class VerifyCommand
{
    public static Command Create(Terminal terminal)
    {
        var scenario = new Argument<string>("scenario") { Description = "A catalogue name or a scenario file's path; the trainer plays the hand-rolled side." };
        var trainer = new Option<string>("--trainer") { Description = "The trainer's command line (run with /bin/sh -c); it speaks parity-trainer/1.", Required = true };
        var timeout = new Option<double>("--timeout") { Description = "Seconds the trainer may run before its process tree is killed.", DefaultValueFactory = _ => 300 };
        var reference = CommonOptions.Reference();
        var output = new Option<string?>("--out") { Description = "Where to write curves.csv and curves.svg (default: out/<scenario>)." };
        var json = CommonOptions.Json();
        var python = CommonOptions.Python();
        var command = new Command("verify", "Run an external trainer that speaks parity-trainer/1 against PyTorch, compare and diagnose.")
        {
            scenario, trainer, timeout, reference, output, json, python,
        };
        command.SetAction((parse, cancellation) =>
        {
            var asJson = parse.GetValue(json);
            var name = parse.GetRequiredValue(scenario);
            return Failures.GuardAsync(terminal, asJson, name, async () =>
            {
                var seconds = parse.GetValue(timeout);
                if (!(seconds > 0))
                {
                    throw new ArgumentException($"--timeout: expected a number of seconds > 0, got {seconds}");
                }

                await using var harness = CommonOptions.Harness(CommonOptions.ParseReference(parse.GetRequiredValue(reference)), parse.GetValue(python));
                var result = await harness.VerifyAsync(
                    harness.Load(name), new ExternalTrainer(parse.GetRequiredValue(trainer), TimeSpan.FromSeconds(seconds)), cancellation: cancellation).ConfigureAwait(false);
                return await Artifacts.ConcludeAsync(terminal, result, parse.GetValue(output), asJson).ConfigureAwait(false);
            });
        });
        return command;
    }
}
