using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace Parity.TorchReference.Worker;

public sealed partial class TorchWorker
{
    private async Task<(Running? Worker, string Why)> TryStartAsync(string python, CancellationToken cancellation)
    {
        if (!File.Exists(script))
        {
            return (null, $"the worker script {script} is missing");
        }

        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        var (process, failure) = await StartProcessAsync(start, cancellation).ConfigureAwait(false);
        if (process is null)
        {
            return (null, failure);
        }

        var worker = new Running(process, python);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(startTimeout);
        try
        {
            var hello = await process.StandardOutput.ReadLineAsync(deadline.Token).ConfigureAwait(false);
            if (hello is null)
            {
                var tail = worker.StderrTail();
                worker.Dispose();
                return (null, "exited before greeting" + tail);
            }

            using var document = JsonDocument.Parse(hello);
            var root = document.RootElement;
            if (root.TryGetProperty("hello", out var h) && h.GetString() == Hello && root.GetProperty("ok").GetBoolean())
            {
                Info = new WorkerInfo(python, root.GetProperty("torch").GetString()!, root.GetProperty("python").GetString()!);
                return (worker, "");
            }

            worker.Dispose();
            return (null, root.TryGetProperty("error", out var error) ? error.GetString() ?? hello : hello);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            worker.Dispose();
            return (null, $"did not start within {startTimeout.TotalSeconds} s");
        }
        catch (JsonException)
        {
            var tail = worker.StderrTail();
            worker.Dispose();
            return (null, "printed something that is not the worker's greeting" + tail);
        }
    }

    /// <summary>A started worker process and the last lines of its stderr.</summary>
    private sealed class Running : IDisposable
    {
        private const int TailLines = 20;
        private readonly Queue<string> stderr = new();
        private readonly Task stderrPump;

        public Running(Process process, string python)
        {
            Process = process;
            Python = python;
            stderrPump = Task.Run(async () =>
            {
                while (await process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
                {
                    lock (stderr)
                    {
                        stderr.Enqueue(line);
                        if (stderr.Count > TailLines)
                        {
                            stderr.Dequeue();
                        }
                    }
                }
            });
        }

        public Process Process { get; }

        public string Python { get; }

        /// <summary>"\nIts stderr ended with:\n…", or empty when it printed nothing.</summary>
        public string StderrTail()
        {
            if (!Process.HasExited)
            {
                Process.WaitForExit(TimeSpan.FromSeconds(2));
            }

            stderrPump.Wait(TimeSpan.FromSeconds(2));
            lock (stderr)
            {
                return stderr.Count == 0 ? "" : "\nIts stderr ended with:\n  " + string.Join("\n  ", stderr);
            }
        }

        public void Dispose()
        {
            try
            {
                if (!Process.HasExited)
                {
                    Process.Kill(entireProcessTree: true);
                    Process.WaitForExit(TimeSpan.FromSeconds(5));
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            Process.Dispose();
        }
    }

    // Linux's errno values: no such file, and an executable that some process still holds open for writing.
    private const int NoSuchFile = 2;
    private const int TextFileBusy = 26;
    private static readonly TimeSpan BusyRetry = TimeSpan.FromMilliseconds(50);
    private const int BusyAttempts = 20;

    /// <summary>
    /// Starts the Python, retrying for up to a second while its file is busy: a script written just before (a wrapper, a
    /// virtual environment's launcher) stays open for writing in any child another thread forks meanwhile, until that
    /// child's exec closes it, and exec refuses a file open for writing.
    /// </summary>
    private static async Task<(Process? Process, string Failure)> StartProcessAsync(ProcessStartInfo start, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (Process.Start(start) ?? throw new Win32Exception("not started"), "");
            }
            catch (Win32Exception error) when (error.NativeErrorCode == TextFileBusy && attempt < BusyAttempts)
            {
                await Task.Delay(BusyRetry, cancellation).ConfigureAwait(false);
            }
            catch (Win32Exception error)
            {
                // The system's own words for the error ("Permission denied"), without Process.Start's preamble.
                return (null, error.NativeErrorCode == NoSuchFile ? "not found" : $"cannot be started: {new Win32Exception(error.NativeErrorCode).Message}");
            }
        }
    }
}
