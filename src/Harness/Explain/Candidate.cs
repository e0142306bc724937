using Parity.HandRolled.Model;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Explain;

/// <summary>
/// A PyTorch side to try: the scenario with its <c>torch</c> side changed by some alignments, and the parameters
/// PyTorch starts from. The parameters travel beside the scenario because PyTorch's default initialisation comes
/// from the fixture or live PyTorch, not from anything the scenario alone can redraw.
/// </summary>
/// <param name="Scenario">The scenario, its hand-rolled side untouched: PyTorch is the side that is moved.</param>
/// <param name="TorchInitial">PyTorch's initial parameters, in the layout of <c>Scenario.NetworkOf(Scenario.Torch)</c>.</param>
public sealed record Candidate(Scenario Scenario, IReadOnlyList<NamedTensor> TorchInitial)
{
    /// <summary>PyTorch's side.</summary>
    public SideSpec Torch => Scenario.Torch;

    /// <summary>The network PyTorch trains.</summary>
    public NetworkSpec TorchNetwork => Scenario.NetworkOf(Scenario.Torch);

    /// <summary>The same candidate with PyTorch's side replaced.</summary>
    public Candidate WithTorch(SideSpec torch) => this with { Scenario = Scenario with { Torch = torch } };
}
