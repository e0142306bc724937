using Parity.HandRolled.Model;

namespace Parity.TorchReference;

/// <summary>
/// A live PyTorch reference: trains a network as PyTorch does, draws PyTorch's default initialisation and computes
/// autograd's gradients. Two implementations: <see cref="TorchSharp.TorchSharpReference"/> (libtorch in process,
/// "torchsharp") and <see cref="TorchReferenceClient"/> (Python PyTorch through the worker, "pytorch").
/// Safe to call from parallel tests.
/// </summary>
public interface ITorchReference
{
    /// <summary>The source's name as the harness reports it: <c>torchsharp</c> or <c>pytorch</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Who computes, e.g. <c>libtorch 2.10.0 (TorchSharp 0.107.0)</c> or <c>PyTorch 1.13.0a0 (Python 3.11.2)</c>; null
    /// until the reference has started (on its first request).
    /// </summary>
    string? Version { get; }

    /// <summary>
    /// Trains <c>nn.Sequential(nn.Linear, activation, …)</c> with the side's loss, <c>torch.optim</c> optimizer, batches
    /// and logged quantity (docs/contracts.md, parity-trainer/1). With
    /// <paramref name="initialParameters"/> it starts from them; otherwise from PyTorch's default initialisation after
    /// <c>torch.manual_seed(seed)</c>, which the result returns.
    /// </summary>
    Task<TorchRun> TrainAsync(
        NetworkSpec network,
        TrainingOptions options,
        Dataset data,
        IReadOnlyList<NamedTensor>? initialParameters,
        int seed = 0,
        CancellationToken cancellation = default);

    /// <summary>
    /// PyTorch's default initialisation of the network after <c>torch.manual_seed(seed)</c>, as a Python user gets it
    /// from <c>nn.Linear</c> (drawn in float32), in the contract's layout.
    /// </summary>
    Task<IReadOnlyList<NamedTensor>> DefaultInitAsync(NetworkSpec network, int seed, CancellationToken cancellation = default);

    /// <summary>The gradients of <paramref name="loss"/> at <paramref name="parameters"/>, full batch, from autograd.</summary>
    Task<IReadOnlyList<NamedTensor>> GradientsAsync(
        NetworkSpec network, Loss loss, DType dtype, IReadOnlyList<NamedTensor> parameters, Dataset data,
        CancellationToken cancellation = default);
}
