namespace Parity.Harness.Snapshots;

/// <summary>What a <see cref="StringCompare"/> decided, as Verify's <c>CompareResult</c>.</summary>
/// <param name="IsEqual">Whether the received text matches the verified one.</param>
/// <param name="Message">Why not, for the failure message; null when equal.</param>
internal readonly record struct CompareResult(bool IsEqual, string? Message = null)
{
    public static CompareResult Equal { get; } = new(true);

    public static CompareResult NotEqual(string? message = null) => new(false, message);
}
