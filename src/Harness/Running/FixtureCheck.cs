namespace Parity.Harness.Running;

/// <summary>The outcome of checking one committed fixture against the live reference.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Freshness">Bit-exact, within rounding, differs, stale or unusable.</param>
/// <param name="Detail">How it was compared and the greatest difference, or what differs and the command that regenerates it.</param>
public sealed record FixtureCheck(string Scenario, Freshness Freshness, string Detail)
{
    /// <summary>Whether the fixture is what the reference produces now, from the current scenario.</summary>
    public bool Ok => Freshness is Freshness.BitExact or Freshness.WithinRounding;
}
