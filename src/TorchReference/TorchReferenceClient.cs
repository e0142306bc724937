using System.Text.Json.Nodes;
using Parity.HandRolled.Model;
using Parity.TorchReference.Protocol;
using Parity.TorchReference.Worker;

namespace Parity.TorchReference;

/// <summary>
/// Real PyTorch, driven from C#: builds <c>nn.Sequential(nn.Linear, activation, …)</c>, trains it with the
/// side's loss and <c>torch.optim</c> optimizer, and returns the trace. One worker process serves every request.
/// </summary>
public sealed class TorchReferenceClient(TorchWorker worker, TimeSpan? requestTimeout = null) : ITorchReference, IAsyncDisposable
{
    /// <summary>This reference's <see cref="ITorchReference.Name"/>.</summary>
    public const string SourceName = "pytorch";

    private readonly TimeSpan timeout = requestTimeout ?? TimeSpan.FromMinutes(5);

    /// <summary>The worker's Python and versions, once it has started.</summary>
    public WorkerInfo? Info => worker.Info;

    /// <inheritdoc/>
    public string Name => SourceName;

    /// <inheritdoc/>
    public string? Version => Info is { } info ? $"PyTorch {info.TorchVersion} (Python {info.PythonVersion})" : null;

    /// <inheritdoc/>
    public async Task<TorchRun> TrainAsync(
        NetworkSpec network,
        TrainingOptions options,
        Dataset data,
        IReadOnlyList<NamedTensor>? initialParameters,
        int seed = 0,
        CancellationToken cancellation = default)
    {
        var request = TrainerProtocol.Request(network, options, data, initialParameters);
        request["op"] = "train";
        request["init"] = new JsonObject { ["seed"] = seed };
        var response = await worker.SendAsync(request, timeout, cancellation).ConfigureAwait(false);
        return Read(() => new TorchRun(
            TrainerProtocol.ReadResponse(response, network, options, data.Count),
            TensorCodec.Read(response.GetProperty("initialParameters"), network, "$.initialParameters"),
            worker.Info!.TorchVersion,
            worker.Info.PythonVersion));
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<NamedTensor>> DefaultInitAsync(
        NetworkSpec network, int seed, CancellationToken cancellation = default)
    {
        var request = TrainerProtocol.Request(network, new TrainingOptions(1, 1, Loss.Mse), new Dataset([], []), null);
        request["op"] = "init";
        request["init"] = new JsonObject { ["seed"] = seed };
        var response = await worker.SendAsync(request, timeout, cancellation).ConfigureAwait(false);
        return Read(() => TensorCodec.Read(response.GetProperty("initialParameters"), network, "$.initialParameters"));
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<NamedTensor>> GradientsAsync(
        NetworkSpec network, Loss loss, DType dtype, IReadOnlyList<NamedTensor> parameters, Dataset data,
        CancellationToken cancellation = default)
    {
        var request = TrainerProtocol.Request(network, new TrainingOptions(1, 1, loss, dtype), data, null);
        request["op"] = "gradients";
        request["parameters"] = TensorCodec.Write(parameters);
        var response = await worker.SendAsync(request, timeout, cancellation).ConfigureAwait(false);
        return Read(() => TensorCodec.Read(response.GetProperty("gradients"), network, "$.gradients"));
    }

    /// <summary>
    /// PyTorch's seconds per training step (zero_grad, forward, loss, backward, optimizer step) on <paramref name="batch"/>
    /// random rows, or on <paramref name="data"/> when given, after <paramref name="warmup"/> untimed steps, with
    /// PyTorch's default number of threads (what a user's script gets), which the result reports.
    /// </summary>
    public async Task<TorchBench> BenchAsync(
        NetworkSpec network, TrainingOptions options, int batch, int repeats, int warmup, Dataset? data = null,
        CancellationToken cancellation = default)
    {
        var request = TrainerProtocol.Request(network, options, data ?? new Dataset([], []), null);
        request["op"] = "bench";
        request["batch"] = batch;
        request["repeats"] = repeats;
        request["warmup"] = warmup;
        if (data is null)
        {
            request.Remove("data");
        }

        var response = await worker.SendAsync(request, timeout, cancellation).ConfigureAwait(false);
        return Read(() => new TorchBench(response.GetProperty("secondsPerStep").GetDouble(), response.GetProperty("threads").GetInt32()));
    }

    /// <summary>The seed question's numpy loop on XOR: seconds per epoch over <paramref name="epochs"/> epochs.</summary>
    public async Task<double> BenchNumpyAsync(int epochs, CancellationToken cancellation = default)
    {
        var request = new JsonObject { ["op"] = "bench-numpy", ["epochs"] = epochs };
        var response = await worker.SendAsync(request, timeout, cancellation).ConfigureAwait(false);
        return Read(() => response.GetProperty("secondsPerEpoch").GetDouble());
    }

    /// <summary>Stops the worker.</summary>
    public ValueTask DisposeAsync() => worker.DisposeAsync();

    private static T Read<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception error) when (error is ProtocolException or KeyNotFoundException)
        {
            throw new TorchWorkerException($"The PyTorch worker's response is malformed: {error.Message}");
        }
    }
}
