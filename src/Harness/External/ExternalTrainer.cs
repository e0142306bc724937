using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Parity.HandRolled.Model;
using Parity.TorchReference.Protocol;

namespace Parity.Harness.External;

/// <summary>
/// Runs any program that speaks <c>parity-trainer/1</c>: the command line runs under <c>/bin/sh -c</c>, gets one
/// JSON request on stdin and must print one JSON response on stdout. Past the timeout its whole process tree is
/// killed. Its output is bounded, so a runaway trainer cannot exhaust memory.
/// </summary>
public sealed class ExternalTrainer(string commandLine, TimeSpan timeout)
{
    /// <summary>The most a trainer may print on stdout.</summary>
    public const int MaxOutputBytes = 64 * 1024 * 1024;

    private const int StderrTail = 2000;

    /// <summary>Sends the request for this side and returns the checked trace.</summary>
    public async Task<TrainingTrace> TrainAsync(
        NetworkSpec network, TrainingOptions options, Dataset data, IReadOnlyList<NamedTensor> initialParameters,
        CancellationToken cancellation = default)
    {
        var request = TrainerProtocol.Request(network, options, data, initialParameters);
        var (stdout, stderr) = await RunAsync(request.ToJsonString(), cancellation).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(stdout))
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
            throw Fail(string.Create(CultureInfo.InvariantCulture,
                $"printed something that is not one JSON document (line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1}: {error.Message.Split('.')[0]}): {Excerpt(stdout)}"), stderr);
        }
        catch (ProtocolException error)
        {
            throw Fail($"answered with a response that does not follow {TrainerProtocol.Name}: {error.Message}", stderr);
        }
    }

    private async Task<(string Stdout, string Stderr)> RunAsync(string request, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(commandLine);
        using var process = Process.Start(start) ?? throw new TrainerException($"The trainer `{commandLine}` could not be started.");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        var stdout = ReadBoundedAsync(process.StandardOutput, MaxOutputBytes, deadline.Token);
        var stderr = ReadBoundedAsync(process.StandardError, MaxOutputBytes, deadline.Token);
        try
        {
            try
            {
                await process.StandardInput.WriteAsync(request.AsMemory(), deadline.Token).ConfigureAwait(false);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The trainer closed its stdin without reading it all; its exit code and output tell the rest.
            }

            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            var (output, tooLong) = await stdout.ConfigureAwait(false);
            var (errors, _) = await stderr.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw Fail(string.Create(CultureInfo.InvariantCulture, $"exited with code {process.ExitCode}"), errors);
            }

            return tooLong
                ? throw Fail($"printed more than {MaxOutputBytes / (1024 * 1024)} MiB on stdout", errors)
                : (output, errors);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            var errors = stderr.IsCompletedSuccessfully ? stderr.Result.Text : "";
            throw Fail(string.Create(CultureInfo.InvariantCulture,
                $"ran past its timeout of {timeout.TotalSeconds:0.#} s and was killed with its child processes"), errors);
        }
    }

    private static async Task<(string Text, bool TooLong)> ReadBoundedAsync(StreamReader reader, int limit, CancellationToken cancellation)
    {
        var text = new StringBuilder();
        var buffer = new char[65536];
        var tooLong = false;
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer, cancellation).ConfigureAwait(false)) > 0)
            {
                if (text.Length + read > limit)
                {
                    tooLong = true;
                    continue; // keep draining so the trainer is not blocked on a full pipe
                }

                text.Append(buffer, 0, read);
            }
        }
        catch (OperationCanceledException)
        {
            // The timeout; what was read so far is kept for the message.
        }

        return (text.ToString(), tooLong);
    }

    private TrainerException Fail(string what, string stderr)
    {
        var tail = stderr.Length > StderrTail ? "…" + stderr[^StderrTail..] : stderr;
        var quoted = string.IsNullOrWhiteSpace(tail) ? " It printed nothing on stderr." : $" Its stderr:\n  {tail.TrimEnd().Replace("\n", "\n  ", StringComparison.Ordinal)}";
        return new TrainerException($"The trainer `{commandLine}` {what}.{quoted}");
    }

    private static string Excerpt(string text) => text.Length > 200 ? text[..200] + "…" : text.TrimEnd();
}
