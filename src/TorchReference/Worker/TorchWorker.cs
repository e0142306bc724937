using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parity.TorchReference.Worker;

/// <summary>
/// One long-lived Python process running <c>torch_worker.py</c>: torch is imported once, then requests are
/// answered one at a time (one JSON line in, one out). Safe to share between parallel tests: requests queue.
/// A worker that dies, hangs past a request's timeout or answers garbage is killed, and the next request
/// starts a fresh one.
/// </summary>
public sealed partial class TorchWorker : IAsyncDisposable
{
    private const string Hello = "parity-torch-worker/1";
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly IReadOnlyList<string> candidates;
    private readonly string script;
    private readonly TimeSpan startTimeout;
    private Running? running;
    private TorchUnavailableException? unavailable;
    private long nextId;

    /// <param name="candidates">Pythons to try, in order (<see cref="PythonCandidates.For"/>).</param>
    /// <param name="script">The worker script; by default the one shipped beside this assembly.</param>
    /// <param name="startTimeout">How long importing torch may take.</param>
    public TorchWorker(IReadOnlyList<string> candidates, string? script = null, TimeSpan? startTimeout = null)
    {
        this.candidates = candidates;
        this.script = script ?? Path.Combine(AppContext.BaseDirectory, "torch_worker.py");
        this.startTimeout = startTimeout ?? TimeSpan.FromSeconds(60);
    }

    /// <summary>The versions of the running (or last) worker, once started.</summary>
    public WorkerInfo? Info { get; private set; }

    /// <summary>How many worker processes have been started: one per run unless one failed.</summary>
    public int Starts { get; private set; }

    /// <summary>
    /// Sends one request and returns the response's root, after checking it is a response to this request.
    /// </summary>
    /// <exception cref="TorchUnavailableException">No Python with torch.</exception>
    /// <exception cref="TorchWorkerException">The worker died, timed out, answered garbage or reported an error.</exception>
    public async Task<JsonElement> SendAsync(JsonObject request, TimeSpan timeout, CancellationToken cancellation = default)
    {
        await gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            var worker = await EnsureStartedAsync(cancellation).ConfigureAwait(false);
            var id = ++nextId;
            request["id"] = id;
            var line = await ExchangeAsync(worker, request.ToJsonString(), timeout, cancellation).ConfigureAwait(false);
            return Check(worker, line, id, (string?)request["op"] ?? "train");
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Stops the worker.</summary>
    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            Stop();
        }
        finally
        {
            gate.Release();
            gate.Dispose();
        }
    }

    private async Task<string> ExchangeAsync(Running worker, string request, TimeSpan timeout, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        try
        {
            await worker.Process.StandardInput.WriteLineAsync(request.AsMemory(), deadline.Token).ConfigureAwait(false);
            await worker.Process.StandardInput.FlushAsync(deadline.Token).ConfigureAwait(false);
            var line = await worker.Process.StandardOutput.ReadLineAsync(deadline.Token).ConfigureAwait(false);
            return line ?? throw Died(worker, "while answering a request");
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            Stop();
            throw new TorchWorkerException(string.Create(
                CultureInfo.InvariantCulture,
                $"The PyTorch worker did not answer within {timeout.TotalSeconds:0.#} s; it was killed and the next request starts a fresh one."));
        }
        catch (IOException)
        {
            throw Died(worker, "while receiving a request");
        }
    }

    private JsonElement Check(Running worker, string line, long id, string op)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(line);
            root = document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            var message = $"The PyTorch worker answered something that is not JSON ({error.Message}): {Excerpt(line)}";
            Stop();
            throw new TorchWorkerException(message);
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out var echoed)
            || echoed.ValueKind != JsonValueKind.Number || echoed.GetInt64() != id)
        {
            Stop();
            throw new TorchWorkerException(
                $"The PyTorch worker's answer is not the response to request {id}: {Excerpt(line)}");
        }

        if (!root.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True)
        {
            var error = !root.TryGetProperty("error", out var e) ? "no error given"
                : e.ValueKind == JsonValueKind.String ? e.GetString()
                : e.GetRawText();
            throw new TorchWorkerException($"PyTorch could not run the '{op}' request: {error}");
        }

        return root;
    }

    private TorchWorkerException Died(Running worker, string when)
    {
        var tail = worker.StderrTail();
        var code = worker.Process.HasExited ? ExitStatus.Describe(worker.Process.ExitCode) : "unknown";
        Stop();
        return new TorchWorkerException(
            $"The PyTorch worker ({worker.Python}) exited with code {code} {when}; the next request starts a fresh one." + tail);
    }

    private static string Excerpt(string text) => text.Length > 200 ? text[..200] + "…" : text;

    private async Task<Running> EnsureStartedAsync(CancellationToken cancellation)
    {
        if (running is { Process.HasExited: false })
        {
            return running;
        }

        Stop();
        if (unavailable is not null)
        {
            throw unavailable;
        }

        var tried = new List<string>();
        foreach (var python in candidates)
        {
            var (worker, why) = await TryStartAsync(python, cancellation).ConfigureAwait(false);
            if (worker is not null)
            {
                running = worker;
                Starts++;
                return worker;
            }

            tried.Add($"  {python}: {why}");
        }

        unavailable = new TorchUnavailableException(
            "No Python that can import torch was found. Tried:\n" + string.Join("\n", tried) + "\n" + PythonCandidates.InstallHint);
        throw unavailable;
    }

    private void Stop()
    {
        var worker = running;
        running = null;
        worker?.Dispose();
    }
}
