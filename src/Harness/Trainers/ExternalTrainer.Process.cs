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
        stop.CancelAfter(timeout);
        // Each pipe is read on a thread of its own, never on the thread pool: a busy pool (parallel trainings) could
        // otherwise leave a pipe's end of file unread past the grace below, and a trainer that exited would be taken
        // for one whose escaped child holds its stdout.
        var stdout = new PipeReader(process.StandardOutput.BaseStream, OutputLimit, stop);
        var stderr = new PipeReader(process.StandardError.BaseStream, 4 * StderrTail, null);
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
        }

        await trainer.WaitUntilGoneAsync(DrainGrace).ConfigureAwait(false);
        await Task.WhenAny(Task.WhenAll(stdout.Done, stderr.Done), Task.Delay(DrainGrace, CancellationToken.None)).ConfigureAwait(false);
        var (output, ending) = stdout.Result();
        var errors = Encoding.UTF8.GetString(stderr.Result().Bytes.Span);
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

    /// <summary>
    /// A pipe read to its end on a thread of its own, with blocking reads. With a stop source (stdout), more than
    /// <c>limit</c> bytes stop the run; without one (stderr, where a trainer may log without bound), only the last
    /// <c>limit</c> bytes are kept. Its <see cref="Result"/> may be taken at any time: a pipe still open then (held by a
    /// process outside the trainer's session) gives what was read so far, <see cref="Ending.Stopped"/>; its thread
    /// stays blocked until that process closes it.
    /// </summary>
    private sealed class PipeReader
    {
        private readonly Lock gate = new();
        private readonly MemoryStream bytes = new();
        private Ending? ending;

        public PipeReader(Stream stream, int limit, CancellationTokenSource? stop)
        {
            Done = Task.Factory.StartNew(() => Read(stream, limit, stop), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        /// <summary>Completes at the pipe's end of file, or once stdout has grown too long.</summary>
        public Task Done { get; }

        public (ReadOnlyMemory<byte> Bytes, Ending Ending) Result()
        {
            lock (gate)
            {
                var text = bytes.ToArray();
                var end = ending ?? Ending.Stopped;
                // A byte-order mark is not JSON; a Windows-minded trainer may still print one.
                var start = end == Ending.Complete && text.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
                return (end == Ending.TooLong ? ReadOnlyMemory<byte>.Empty : text.AsMemory(start), end);
            }
        }

        private void Read(Stream stream, int limit, CancellationTokenSource? stop)
        {
            var buffer = new byte[65536];
            try
            {
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    lock (gate)
                    {
                        if (stop is not null && bytes.Length + read > limit)
                        {
                            ending = Ending.TooLong;
                            break;
                        }

                        bytes.Write(buffer, 0, read);
                        if (stop is null && bytes.Length > limit)
                        {
                            // Keep the last half of the limit: the tail is what a message quotes.
                            var tail = bytes.ToArray()[^(limit / 2)..];
                            bytes.SetLength(0);
                            bytes.Write(tail);
                        }
                    }
                }
            }
            catch (Exception error) when (error is IOException or ObjectDisposedException)
            {
                // The pipe broke: what was read is kept.
            }

            lock (gate)
            {
                ending ??= Ending.Complete;
            }

            if (ending == Ending.TooLong)
            {
                stop!.Cancel();
            }
        }
    }
}
