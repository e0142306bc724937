using Parity.HandRolled.Model;

namespace Parity.Harness.Fixtures;

/// <summary>
/// What PyTorch produced for a scenario, committed under <c>fixtures/&lt;scenario&gt;/</c> so that the suite can run
/// without Python: the initial parameters of both sides, PyTorch's losses, its first K steps and final parameters.
/// </summary>
/// <param name="Meta">Who made it, from which scenario content.</param>
/// <param name="HandRolledInitial">The parameters the hand-rolled side starts from.</param>
/// <param name="TorchInitial">The parameters PyTorch started from.</param>
/// <param name="Torch">PyTorch's trace.</param>
public sealed record Fixture(
    FixtureMeta Meta, IReadOnlyList<NamedTensor> HandRolledInitial, IReadOnlyList<NamedTensor> TorchInitial, TrainingTrace Torch);
