using Parity.Harness.Fixtures;
using Parity.Harness.Scenarios;

namespace Parity.Tests.Support;

/// <summary>A random fixture and the scenario it claims to be made from (whose networks its parameters fit).</summary>
/// <param name="Scenario">Gives the name, content hash, epochs and both sides' networks.</param>
/// <param name="Fixture">Both sides' initial parameters and PyTorch's trace.</param>
public sealed record FixtureCase(Scenario Scenario, Fixture Fixture)
{
    public override string ToString() =>
        TraceCase.Describe(
            Scenario.NetworkOf(Scenario.Torch),
            Scenario.Torch.ToOptions(Scenario.Epochs, Fixture.Torch.Steps.Count),
            Scenario.Data.Count,
            Fixture.Torch,
            TraceCase.ValuesOf(Fixture.Torch).Concat(Fixture.HandRolledInitial.Concat(Fixture.TorchInitial).SelectMany(t => t.Values)))
        + $"; hand-rolled side: bias {Scenario.NetworkOf(Scenario.HandRolled).Bias}, {Scenario.HandRolled.DType}";
}
