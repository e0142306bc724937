using System.CommandLine;
using System.Text;
using System.Text.Json;
using Parity.HandRolled;
using Parity.TorchReference.Protocol;

namespace Parity.Cli.Commands;

/// <summary><c>parity trainer</c>: the built-in hand-rolled model as a <c>parity-trainer/1</c> program.</summary>
internal static class TrainerCommand
{
    public static Command Create(Terminal terminal)
    {
        var command = new Command("trainer", "Read one parity-trainer/1 request on stdin, train the built-in hand-rolled model, print the response on stdout.");
        command.SetAction(async (_, cancellation) =>
        {
            try
            {
                using var document = JsonDocument.Parse(await terminal.In.ReadToEndAsync(cancellation).ConfigureAwait(false));
                var request = TrainerProtocol.ReadRequest(document.RootElement);
                var trace = Trainer.Train(request.Network, request.Options, request.InitialParameters, request.Data);
                // Streamed by Utf8JsonWriter, every number round-trip: no document is built (a logged loss cost ~2 µs that way).
                await terminal.Out.WriteLineAsync(Encoding.UTF8.GetString(TrainerProtocol.Response(trace))).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (Exception error) when (error is JsonException or ProtocolException or ShapeException or InvalidOperationException or FormatException)
            {
                await terminal.Error.WriteLineAsync($"parity trainer: the request is not a valid {TrainerProtocol.Name} request: {error.Message}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}
