namespace Parity.Harness.Snapshots;

/// <summary>A piece of a snapshot line or CSV field: a number, or the text between numbers.</summary>
/// <param name="Text">The characters as they stand.</param>
/// <param name="Value">The number's value; null for text.</param>
internal readonly record struct SnapshotToken(string Text, double? Value)
{
    /// <summary>Whether this token is a number.</summary>
    public bool IsNumber => Value.HasValue;
}
