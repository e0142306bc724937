using Parity.HandRolled;
using Parity.Harness.Fixtures;
using Parity.Harness.Output;
using Parity.Harness.Scenarios;
using Parity.Harness.Trainers;
using Parity.TorchReference.Protocol;
using Parity.TorchReference.TorchSharp;
using Parity.TorchReference.Worker;

namespace Parity.Cli.Commands;

/// <summary>Turns the harness's errors into a clear message and exit code 2.</summary>
internal static class Failures
{
    /// <summary>Runs <paramref name="body"/>; known errors print their message (or JSON) and return exit code 2.</summary>
    public static async Task<int> GuardAsync(Terminal terminal, bool json, string? scenario, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception error) when (error is ScenarioException or FixtureException or TorchUnavailableException or TorchSharpUnavailableException
                                          or TorchWorkerException or ShapeException or ProtocolException or IOException
                                          or UnauthorizedAccessException or ArgumentException or TrainerException)
        {
            // An ArgumentException's message ends with " (Parameter 'name')": the name of a C# parameter, not the user's.
            var message = error is ArgumentException { ParamName: { } parameter }
                ? error.Message.Replace($" (Parameter '{parameter}')", "", StringComparison.Ordinal)
                : error.Message;
            if (json)
            {
                await terminal.Out.WriteLineAsync(VerdictJson.Text(VerdictJson.Error(scenario, message))).ConfigureAwait(false);
            }

            await terminal.Error.WriteLineAsync($"parity: {message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
    }
}
