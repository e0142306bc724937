using Parity.HandRolled.Model;

namespace Parity.Harness.Reference;

/// <summary>PyTorch's side of a scenario, and the parameters both sides start from.</summary>
/// <param name="Torch">PyTorch's trace.</param>
/// <param name="HandRolledInitial">The hand-rolled side's initial parameters.</param>
/// <param name="TorchInitial">PyTorch's initial parameters.</param>
/// <param name="Source">live or fixtures.</param>
/// <param name="TorchVersion">The PyTorch that produced it.</param>
/// <param name="PythonVersion">The Python that ran it.</param>
public sealed record ReferenceRun(
    TrainingTrace Torch,
    IReadOnlyList<NamedTensor> HandRolledInitial,
    IReadOnlyList<NamedTensor> TorchInitial,
    ReferenceMode Source,
    string TorchVersion,
    string PythonVersion);
