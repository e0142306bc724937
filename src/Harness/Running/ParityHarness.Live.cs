using System.Collections.Concurrent;
using Parity.HandRolled.Model;
using Parity.Harness.Reference;
using Parity.TorchReference;
using Parity.TorchReference.Protocol;

namespace Parity.Harness.Running;

public sealed partial class ParityHarness
{
    // PyTorch on the CPU, on one thread, answers the same request with the same bits (TorchReferenceClientTests and
    // TorchSharpReferenceTests prove it), so a session answers a request it has already made of a source from the first
    // run: a test run, a report and explain ask for the same reference runs many times over.
    private readonly ConcurrentDictionary<string, Lazy<Task<TorchRun>>> liveRuns = new(StringComparer.Ordinal);

    /// <summary>
    /// Trains PyTorch's side on the live reference <paramref name="source"/> from <paramref name="initial"/>; a request this
    /// session has already made of that source is answered by its first run (a failed run is not kept: asked again, it runs again).
    /// </summary>
    /// <exception cref="TorchReference.Worker.TorchUnavailableException">PyTorch asked for, and no Python with torch.</exception>
    /// <exception cref="TorchReference.TorchSharp.TorchSharpUnavailableException">TorchSharp asked for, and it cannot be loaded.</exception>
    public Task<TorchRun> TrainLiveAsync(
        ReferenceSource source, NetworkSpec network, TrainingOptions options, Dataset data, IReadOnlyList<NamedTensor> initial,
        CancellationToken cancellation = default)
    {
        var key = Sources.Name(source) + "\n" + TrainerProtocol.Request(network, options, data, initial).ToJsonString();
        var run = liveRuns.GetOrAdd(key, _ => new Lazy<Task<TorchRun>>(() => TrainOnceAsync(key, source, network, options, data, initial)));
        return run.Value.WaitAsync(cancellation);
    }

    // Not cancelled with the first caller: others may be waiting for the same run. The request has its timeout.
    private async Task<TorchRun> TrainOnceAsync(
        string key, ReferenceSource source, NetworkSpec network, TrainingOptions options, Dataset data, IReadOnlyList<NamedTensor> initial)
    {
        try
        {
            var live = await LiveAsync(source).ConfigureAwait(false);
            return await live.TrainAsync(network, options, data, initial).ConfigureAwait(false);
        }
        catch
        {
            liveRuns.TryRemove(key, out _);
            throw;
        }
    }
}
