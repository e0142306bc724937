using System.Globalization;
using System.Text;
using System.Text.Json;
using Parity.HandRolled.Model;
using Parity.Harness.Scenarios;
using Parity.TorchReference.Protocol;

namespace Parity.Harness.Trainers;

/// <summary>
/// Runs any program that speaks <c>parity-trainer/1</c>: the command line runs under <c>/bin/sh -c</c>, gets one
/// JSON request on stdin and must print one JSON response on stdout. Past the timeout its whole process tree is
/// killed. Its output is bounded, so a runaway trainer cannot exhaust memory.
/// </summary>
public sealed partial class ExternalTrainer(string commandLine, TimeSpan timeout) : ITrainer
{
    /// <summary>The most a trainer may print on stdout.</summary>
    public const int MaxOutputBytes = 64 * 1024 * 1024;

    private const int StderrTail = 2000;

    /// <summary>The most this trainer may print on stdout before it is stopped: <see cref="MaxOutputBytes"/>; tests lower it.</summary>
    internal int OutputLimit { get; init; } = MaxOutputBytes;

    /// <summary>Sends the request for this side and returns the checked trace.</summary>
    /// <exception cref="TrainerException">The trainer failed, timed out or did not answer as the protocol asks.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired; the trainer was killed.</exception>
    public async Task<TrainingTrace> TrainAsync(
        NetworkSpec network, TrainingOptions options, Dataset data, IReadOnlyList<NamedTensor> initialParameters,
        CancellationToken cancellation = default)
    {
        var request = TrainerProtocol.Request(network, options, data, initialParameters);
        var (stdout, stderr) = await RunAsync(request.ToJsonString(), cancellation).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(stdout.Span)))
        {
            throw Fail("printed nothing on stdout; it must print one JSON response", stderr);
        }

        try
        {
            using var document = JsonDocument.Parse(stdout);
            return TrainerProtocol.ReadResponse(document.RootElement, network, options, data.Count);
        }
        catch (JsonException error)
        {
            throw Fail(Malformed(stdout.Span, error), stderr);
        }
        catch (ProtocolException error)
        {
            throw Fail($"answered with a response that does not follow {TrainerProtocol.Name}: {error.Message}", stderr);
        }
    }

    private static string Malformed(ReadOnlySpan<byte> stdout, JsonException error)
    {
        var line = (int)(error.LineNumber ?? 0);
        var position = (int)(error.BytePositionInLine ?? 0);
        var where = string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, byte {position + 1}");
        return JsonTextPositions.NonFiniteLiteralAt(stdout, JsonTextPositions.Offset(stdout, line, position)) is { } found
            ? $"printed {found.Literal} ({where}), which is not a JSON number; {TrainerProtocol.Name} writes NaN and the infinities as the strings \"NaN\", \"Infinity\" and \"-Infinity\""
            : $"printed something that is not one JSON document ({where}: {error.Message.Split('.')[0]}): {Excerpt(Encoding.UTF8.GetString(stdout))}";
    }

    private TrainerException Fail(string what, string stderr)
    {
        var tail = stderr.Length > StderrTail ? "…" + stderr[^StderrTail..] : stderr;
        var quoted = string.IsNullOrWhiteSpace(tail) ? " It printed nothing on stderr." : $" Its stderr:\n  {tail.TrimEnd().Replace("\n", "\n  ", StringComparison.Ordinal)}";
        return new TrainerException($"The trainer `{commandLine}` {what}.{quoted}");
    }

    private static string Excerpt(string text) => text.Length > 200 ? text[..200] + "…" : text.TrimEnd();
}
