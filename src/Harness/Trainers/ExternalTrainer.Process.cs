using System.Globalization;
using System.Text;
using Parity.TorchReference.Worker;

namespace Parity.Harness.Trainers;

public sealed partial class ExternalTrainer
{
    // How long the output pipes may stay open once the trainer has been stopped: only a process that left the
    // trainer's session can still hold them.
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

    private async Task<(ReadOnlyMemory<byte> Stdout, string Stderr)> RunAsync(string request, CancellationToken cancellation)
    {
        using var trainer = TrainerProcess.Start(commandLine);
        var process = trainer.Process;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var drain = new CancellationTokenSource();
        stop.CancelAfter(timeout);
        var stdout = ReadBoundedAsync(process.StandardOutput.BaseStream, OutputLimit, stop, drain.Token);
        var stderr = ReadTailAsync(process.StandardError, drain.Token);
        var exited = false;
        try
        {
            await WriteAsync(process, request, stop.Token).ConfigureAwait(false);
            await process.WaitForExitAsync(stop.Token).ConfigureAwait(false);
            exited = true;
        }
        catch (OperationCanceledException)
        {
            // Past the timeout, stdout overflowed, or the caller cancelled: told apart below, once everything is
            // stopped — its pipes closed, so nothing the trainer started is left running when this returns.
        }
        finally
        {
            // Its answer is complete when it exits: whatever it leaves running is killed with it.
            trainer.Kill();
            drain.CancelAfter(DrainGrace);
        }

        var (output, ending) = await stdout.ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        await trainer.WaitUntilGoneAsync(DrainGrace).ConfigureAwait(false);
        cancellation.ThrowIfCancellationRequested();
        return ending == Ending.TooLong
            ? throw Fail(string.Create(CultureInfo.InvariantCulture, $"printed more than {OutputLimit / (1024.0 * 1024.0):0.##} MiB on stdout and was killed"), errors)
            : !exited
            ? throw Fail(string.Create(CultureInfo.InvariantCulture, $"ran past its timeout of {timeout.TotalSeconds:0.#} s and was killed with its child processes"), errors)
            : ending == Ending.Stopped
            ? throw Fail("exited, but a process it started outside its session kept its stdout open", errors)
            : process.ExitCode != 0
            ? throw Fail($"exited with code {ExitStatus.Describe(process.ExitCode)}", errors)
            : (output, errors);
    }

    private static async Task WriteAsync(System.Diagnostics.Process process, string request, CancellationToken stop)
    {
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(Encoding.UTF8.GetBytes(request), stop).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The trainer closed its stdin without reading it all; its exit code and output tell the rest.
        }
    }

    private enum Ending
    {
        Complete,
        TooLong,
        Stopped,
    }

    /// <summary>Reads to the end, or until <paramref name="limit"/> bytes are exceeded (then stops the run).</summary>
    private static async Task<(ReadOnlyMemory<byte> Bytes, Ending Ending)> ReadBoundedAsync(
        Stream stream, int limit, CancellationTokenSource stop, CancellationToken drain)
    {
        using var bytes = new MemoryStream();
        var buffer = new byte[65536];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, drain).ConfigureAwait(false)) > 0)
            {
                if (bytes.Length + read > limit)
                {
                    await stop.CancelAsync().ConfigureAwait(false);
                    return (ReadOnlyMemory<byte>.Empty, Ending.TooLong);
                }

                bytes.Write(buffer, 0, read);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or ObjectDisposedException)
        {
            return (bytes.ToArray(), Ending.Stopped);
        }

        // A byte-order mark is not JSON; a Windows-minded trainer may still print one.
        var text = bytes.ToArray();
        return (text.AsMemory(text.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0), Ending.Complete);
    }

    /// <summary>Reads to the end and keeps the last of it: a trainer may log without bound on stderr.</summary>
    private static async Task<string> ReadTailAsync(StreamReader reader, CancellationToken drain)
    {
        var tail = new StringBuilder();
        var buffer = new char[8192];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer, drain).ConfigureAwait(false)) > 0)
            {
                tail.Append(buffer, 0, read);
                if (tail.Length > 4 * StderrTail)
                {
                    tail.Remove(0, tail.Length - StderrTail - 1);
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // What was read is kept for the message.
        }

        return tail.ToString();
    }
}
