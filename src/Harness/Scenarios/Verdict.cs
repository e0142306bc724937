namespace Parity.Harness.Scenarios;

/// <summary>The outcome of a comparison.</summary>
public enum Verdict
{
    /// <summary>Every epoch's logged losses are close.</summary>
    Parity,

    /// <summary>Some epoch's are not.</summary>
    Mismatch,

    /// <summary>The comparison could not be made.</summary>
    Error,
}
