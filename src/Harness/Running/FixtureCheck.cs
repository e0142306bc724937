namespace Parity.Harness.Running;

/// <summary>The outcome of checking one committed fixture against live PyTorch.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Ok">Whether the fixture is what live PyTorch produces now, from the current scenario.</param>
/// <param name="Detail">How it was compared, or what differs and the command that regenerates it.</param>
public sealed record FixtureCheck(string Scenario, bool Ok, string Detail);
