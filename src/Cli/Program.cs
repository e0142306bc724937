using System.CommandLine;
using Parity.Cli.Commands;

namespace Parity.Cli;

/// <summary>
/// The <c>parity</c> command: a thin shell over the harness. Exit codes: 0 parity (or success), 1 mismatch,
/// 2 bad input or error, 130 interrupted.
/// </summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => RunAsync(args, Terminal.System());

    /// <summary>Parses and runs a command line against the given terminal.</summary>
    public static async Task<int> RunAsync(string[] args, Terminal terminal, CancellationToken cancellation = default)
    {
        var root = new RootCommand(
            "Parity: prove that a hand-rolled neural network trains exactly like PyTorch, and say why when it does not.");
        foreach (var command in new[]
        {
            RunCommand.Create(terminal), VerifyCommand.Create(terminal), ExplainCommand.Create(terminal),
            FixturesCommand.Create(terminal), SnapshotsCommand.Create(terminal), TrainerCommand.Create(terminal),
            ReportCommand.Create(terminal), BenchCommand.Create(terminal),
        })
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await terminal.Error.WriteLineAsync($"parity: {error.Message}").ConfigureAwait(false);
            }

            await terminal.Error.WriteLineAsync("Run `parity --help` for the commands and their options.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            var configuration = new InvocationConfiguration { Output = terminal.Out, Error = terminal.Error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(configuration, cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException stopped) when (stopped.CancellationToken.IsCancellationRequested)
        {
            // Ctrl-C or SIGTERM: System.CommandLine cancelled the command's token and the command stopped where it was.
            await terminal.Error.WriteLineAsync("parity: interrupted").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
        catch (Exception error)
        {
            // Commands answer bad input themselves; what reaches here is a bug, and must not exit 1 ("mismatch").
            await terminal.Error.WriteLineAsync(
                $"parity: unexpected error, a bug in parity (please report it with the command line): {error}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
    }
}
