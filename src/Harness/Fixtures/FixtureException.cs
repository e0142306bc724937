namespace Parity.Harness.Fixtures;

/// <summary>
/// A fixture that cannot be used: missing, corrupt (the message names the file, the row and what was expected)
/// or made from another version of its scenario (the message gives the command that regenerates it).
/// </summary>
public sealed class FixtureException(string message) : Exception(message);
