namespace Parity.Harness.Running;

/// <summary>How a committed fixture compares with what the live reference produces now.</summary>
public enum Freshness
{
    /// <summary>Every number is the live one, bit for bit.</summary>
    BitExact,

    /// <summary>Some numbers differ, each within <see cref="Scenarios.Tolerance.Rounding"/>: another machine's last bits.</summary>
    WithinRounding,

    /// <summary>A number differs beyond rounding (or at all, under <c>--exact</c>): the fixture is not what the reference produces.</summary>
    Differs,

    /// <summary>The scenario file changed since the fixture was made.</summary>
    Stale,

    /// <summary>The fixture is missing or cannot be read.</summary>
    Unusable,
}
