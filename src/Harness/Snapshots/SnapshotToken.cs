namespace Parity.Harness.Snapshots;

/// <summary>A piece of a snapshot line: a number, or the text between numbers.</summary>
/// <param name="Text">The characters as they stand in the line.</param>
/// <param name="Value">The number's value; null for text.</param>
/// <param name="Offset">Where the token starts in its line (CSV columns are counted from it).</param>
internal readonly record struct SnapshotToken(string Text, double? Value, int Offset)
{
    /// <summary>Whether this token is a number.</summary>
    public bool IsNumber => Value.HasValue;
}
