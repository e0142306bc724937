namespace Parity.Harness.Fixtures;

/// <summary>
/// A fixture that cannot be used: missing, corrupt (the message names the file, the row and what was expected)
/// or made from another version of its scenario (the message gives the command that regenerates it).
/// </summary>
/// <param name="message">The file, the place, what was expected and the command that regenerates the fixture.</param>
/// <param name="stale">Whether the fixture is whole but was made from another version of its scenario.</param>
public sealed class FixtureException(string message, bool stale = false) : Exception(message)
{
    /// <summary>Whether the fixture is whole but was made from another version of its scenario.</summary>
    public bool Stale { get; } = stale;
}
