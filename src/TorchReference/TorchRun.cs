using Parity.HandRolled.Model;

namespace Parity.TorchReference;

/// <summary>What PyTorch produced: the trace, the parameters it started from, and who produced it.</summary>
/// <param name="Trace">Losses, first steps and final parameters in the contract's layout.</param>
/// <param name="InitialParameters">The parameters training started from (PyTorch's default init when it drew them).</param>
/// <param name="TorchVersion">torch.__version__ of the Python worker, or libtorch's version under TorchSharp.</param>
/// <param name="PythonVersion">The worker's Python version; empty under TorchSharp, which runs in process.</param>
/// <param name="Source">Which reference produced it (<see cref="ITorchReference.Name"/>): <c>pytorch</c> or <c>torchsharp</c>.</param>
public sealed record TorchRun(
    TrainingTrace Trace,
    IReadOnlyList<NamedTensor> InitialParameters,
    string TorchVersion,
    string PythonVersion,
    string Source = TorchReferenceClient.SourceName);
