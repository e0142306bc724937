using System.Collections.Concurrent;
using Parity.HandRolled.Model;
using Parity.TorchReference;
using Parity.TorchReference.Protocol;

namespace Parity.Harness.Running;

public sealed partial class ParityHarness
{
    // PyTorch on the CPU, on one thread, answers the same request with the same bits (TorchReferenceClientTests
    // prove it), so a session answers a request it has already made from the first run: a test run, a report and
    // explain ask for the same reference runs many times over, and the one worker would otherwise train them all.
    private readonly ConcurrentDictionary<string, Lazy<Task<TorchRun>>> liveRuns = new(StringComparer.Ordinal);

    /// <summary>
    /// Trains PyTorch's side on the live worker from <paramref name="initial"/>; a request this session has already
    /// made is answered by its first run (a failed run is not kept: asked again, it runs again).
    /// </summary>
    /// <exception cref="TorchReference.Worker.TorchUnavailableException">No Python with torch.</exception>
    public Task<TorchRun> TrainLiveAsync(
        NetworkSpec network, TrainingOptions options, Dataset data, IReadOnlyList<NamedTensor> initial, CancellationToken cancellation = default)
    {
        var key = TrainerProtocol.Request(network, options, data, initial).ToJsonString();
        var run = liveRuns.GetOrAdd(key, _ => new Lazy<Task<TorchRun>>(() => TrainOnceAsync(key, network, options, data, initial)));
        return run.Value.WaitAsync(cancellation);
    }

    // Not cancelled with the first caller: others may be waiting for the same run. The request has its timeout.
    private async Task<TorchRun> TrainOnceAsync(
        string key, NetworkSpec network, TrainingOptions options, Dataset data, IReadOnlyList<NamedTensor> initial)
    {
        try
        {
            var torch = await TorchAsync().ConfigureAwait(false);
            return await torch.TrainAsync(network, options, data, initial).ConfigureAwait(false);
        }
        catch
        {
            liveRuns.TryRemove(key, out _);
            throw;
        }
    }
}
