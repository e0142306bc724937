namespace Parity.Harness.Fixtures;

/// <summary>The <c>meta.json</c> of a fixture.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="ScenarioHash">SHA-256 of the scenario file the fixture was made from.</param>
/// <param name="Source">The live reference that made it: <c>torchsharp</c> or <c>pytorch</c>.</param>
/// <param name="Torch">The version of the PyTorch (or libtorch) that made it.</param>
/// <param name="Python">The Python version that ran it; empty for TorchSharp, which runs in process.</param>
/// <param name="DType">PyTorch's dtype in the scenario.</param>
/// <param name="Epochs">Epochs trained.</param>
/// <param name="StepDetails">How many first steps are recorded in detail.</param>
/// <param name="Generator">The command that made it.</param>
public sealed record FixtureMeta(
    string Scenario, string ScenarioHash, string Source, string Torch, string Python, string DType, int Epochs, int StepDetails, string Generator);
