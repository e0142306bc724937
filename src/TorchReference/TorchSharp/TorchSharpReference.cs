using Parity.HandRolled.Model;

namespace Parity.TorchReference.TorchSharp;

/// <summary>
/// PyTorch in process: libtorch through TorchSharp, doing exactly what the Python worker (torch_worker.py) does —
/// <c>nn.Sequential(nn.Linear, activation, …)</c> created in float32 after <c>manual_seed</c> and converted,
/// <c>torch.optim</c>'s steps (<see cref="TorchOptimizer"/>) and TorchSharp's own losses, mini-batches in <c>BatchOrder</c>'s
/// order, the logged quantity taken before each update. libtorch runs with one intra-op thread, as the worker does.
/// Needs nothing but the .NET SDK; where libtorch cannot be loaded, every call throws a
/// <see cref="TorchSharpUnavailableException"/> that says why.
/// </summary>
/// <remarks>
/// Holds no state of its own (libtorch is loaded once per process), so instances are free and any number of calls
/// may run in parallel; each runs on a thread-pool thread and gives the same bits as when run alone.
/// </remarks>
public sealed class TorchSharpReference : ITorchReference
{
    /// <summary>This reference's <see cref="ITorchReference.Name"/>.</summary>
    public const string SourceName = "torchsharp";

    /// <inheritdoc/>
    public string Name => SourceName;

    /// <inheritdoc/>
    public string? Version => NativeLoader.Loaded?.Version;

    /// <summary>Loads libtorch if it is not loaded yet, and says what was loaded and how.</summary>
    /// <exception cref="TorchSharpUnavailableException">libtorch cannot be loaded here; the message gives the loader's reason.</exception>
    public TorchSharpRuntime Load() => NativeLoader.Ensure();

    /// <inheritdoc/>
    public Task<TorchRun> TrainAsync(
        NetworkSpec network,
        TrainingOptions options,
        Dataset data,
        IReadOnlyList<NamedTensor>? initialParameters,
        int seed = 0,
        CancellationToken cancellation = default) =>
        Run(
            runtime =>
            {
                var (trace, initial) = Training.Train(network, options, data, initialParameters, seed, cancellation);
                return new TorchRun(trace, initial, runtime.Libtorch, PythonVersion: "", SourceName);
            },
            cancellation);

    /// <inheritdoc/>
    public Task<IReadOnlyList<NamedTensor>> DefaultInitAsync(NetworkSpec network, int seed, CancellationToken cancellation = default) =>
        Run(_ => Training.DefaultInit(network, seed), cancellation);

    /// <inheritdoc/>
    public Task<IReadOnlyList<NamedTensor>> GradientsAsync(
        NetworkSpec network, Loss loss, DType dtype, IReadOnlyList<NamedTensor> parameters, Dataset data,
        CancellationToken cancellation = default) =>
        Run(_ => Training.Gradients(network, loss, dtype, parameters, data), cancellation);

    /// <summary>
    /// libtorch's seconds per training step (zero_grad, forward, loss, backward, optimizer step) on
    /// <paramref name="batch"/> random rows, or on <paramref name="data"/> when given, after <paramref name="warmup"/>
    /// untimed steps: the median of five runs of <paramref name="repeats"/>/5 steps. Timed with the one intra-op thread
    /// every run here uses, or, with <paramref name="defaultThreads"/>, with libtorch's default (the cores), as the Python
    /// worker's bench times PyTorch; the result reports which.
    /// </summary>
    /// <remarks>
    /// libtorch's thread count is the process's: with <paramref name="defaultThreads"/> no other TorchSharp run may go on
    /// meanwhile (<c>parity bench</c> runs nothing else), or its reductions could be split differently.
    /// </remarks>
    public Task<TorchBench> BenchAsync(
        NetworkSpec network, TrainingOptions options, int batch, int repeats, int warmup, Dataset? data = null,
        bool defaultThreads = false, CancellationToken cancellation = default) =>
        Run(
            runtime =>
            {
                var threads = defaultThreads ? runtime.DefaultThreads : runtime.Threads;
                global::TorchSharp.torch.set_num_threads(threads);
                try
                {
                    return new TorchBench(Training.SecondsPerStep(network, options, batch, repeats, warmup, data), threads);
                }
                finally
                {
                    global::TorchSharp.torch.set_num_threads(runtime.Threads);
                }
            },
            cancellation);

    // libtorch calls block: they run on the thread pool, one call on one thread (dispose scopes are per thread).
    private static Task<T> Run<T>(Func<TorchSharpRuntime, T> work, CancellationToken cancellation) =>
        Task.Run(() => work(NativeLoader.Ensure()), cancellation);
}
