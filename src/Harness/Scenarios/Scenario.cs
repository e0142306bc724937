using Parity.HandRolled.Model;

namespace Parity.Harness.Scenarios;

/// <summary>
/// One comparison of the hand-rolled model against PyTorch, as read from a scenario file (the contract in
/// docs/contracts.md). Both sides share the data, the epochs and, unless a side overrides them, the network's
/// bias and the initial parameters.
/// </summary>
/// <param name="Name">The scenario's name; fixtures and snapshots are named after it.</param>
/// <param name="Description">One line: what the scenario demonstrates.</param>
/// <param name="Data">Inputs (N, in) and targets (N, out).</param>
/// <param name="Network">Layer widths, activations and the shared bias setting.</param>
/// <param name="Init">Where the shared initial parameters come from.</param>
/// <param name="Epochs">Passes over the data, on both sides.</param>
/// <param name="HandRolled">How the hand-rolled side trains.</param>
/// <param name="Torch">How PyTorch trains.</param>
/// <param name="Tolerance">Per-epoch closeness of the logged losses.</param>
/// <param name="Expect">The verdict the catalogue expects: parity, or a mismatch that demonstrates a difference.</param>
/// <param name="Source">The file it was read from.</param>
/// <param name="ContentHash">SHA-256 of the file's bytes, lower-case hex: fixtures record it.</param>
public sealed record Scenario(
    string Name,
    string Description,
    Dataset Data,
    NetworkSpec Network,
    InitSpec Init,
    int Epochs,
    SideSpec HandRolled,
    SideSpec Torch,
    Tolerance Tolerance,
    Verdict Expect,
    string Source,
    string ContentHash)
{
    /// <summary>The network the given side trains: the shared one with that side's bias override.</summary>
    public NetworkSpec NetworkOf(SideSpec side) =>
        side.Bias is { } bias && bias != Network.Bias ? Network with { Bias = bias } : Network;

    /// <summary>What every epoch logs, on both sides.</summary>
    public Logged Logged => Torch.Logged;

    /// <summary>The initial parameters' source for the given side: its override, or the shared one.</summary>
    public InitSpec InitOf(SideSpec side) => side.Init ?? Init;
}
