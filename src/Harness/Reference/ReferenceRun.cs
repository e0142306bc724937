using Parity.HandRolled.Model;

namespace Parity.Harness.Reference;

/// <summary>PyTorch's side of a scenario, the parameters both sides start from, and who produced it.</summary>
/// <param name="Torch">PyTorch's trace.</param>
/// <param name="HandRolledInitial">The hand-rolled side's initial parameters.</param>
/// <param name="TorchInitial">PyTorch's initial parameters.</param>
/// <param name="Source">Where it came from: TorchSharp, PyTorch (the worker) or the fixtures.</param>
/// <param name="Producer">The live reference that computed the numbers: <c>torchsharp</c> or <c>pytorch</c> (for fixtures, the one that made them).</param>
/// <param name="TorchVersion">The PyTorch (or libtorch) version that computed them.</param>
/// <param name="PythonVersion">The Python that ran PyTorch; empty for TorchSharp, which runs in process.</param>
/// <param name="Note">Why this source was used when another was asked for (<see cref="ReferenceSource.Auto"/> falling back); null otherwise.</param>
public sealed record ReferenceRun(
    TrainingTrace Torch,
    IReadOnlyList<NamedTensor> HandRolledInitial,
    IReadOnlyList<NamedTensor> TorchInitial,
    ReferenceSource Source,
    string Producer,
    string TorchVersion,
    string PythonVersion,
    string? Note = null)
{
    /// <summary>The source's name as the contracts write it: <c>torchsharp</c>, <c>pytorch</c> or <c>fixtures</c>.</summary>
    public string SourceName => Sources.Name(Source);

    /// <summary>
    /// Who computed the numbers, for people: <c>libtorch 2.10.0 (TorchSharp)</c>, <c>PyTorch 1.13.0a0 (Python 3.11.2)</c>,
    /// or for fixtures <c>fixtures made by libtorch 2.10.0 (TorchSharp)</c>.
    /// </summary>
    public string Description =>
        (Source == ReferenceSource.Fixtures ? "fixtures made by " : "")
        + Sources.Describe(Producer, TorchVersion, PythonVersion);
}
