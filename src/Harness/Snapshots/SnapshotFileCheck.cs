namespace Parity.Harness.Snapshots;

/// <summary>One file of a snapshot checked against its verified file.</summary>
/// <param name="Extension">The file's extension.</param>
/// <param name="Received">The produced content, normalised.</param>
/// <param name="VerifiedPath">Where the verified file is (or would be).</param>
/// <param name="ReceivedPath">Where the received file is written on a failure.</param>
/// <param name="Verified">The verified content, normalised; null when there is no verified file yet.</param>
/// <param name="Comparison">How they differ; null when there is no verified file yet.</param>
internal sealed record SnapshotFileCheck(
    string Extension,
    string Received,
    string VerifiedPath,
    string ReceivedPath,
    string? Verified,
    SnapshotComparison? Comparison)
{
    /// <summary>Whether there is no verified file yet.</summary>
    public bool IsNew => Verified is null;

    /// <summary>Whether it matches its verified file.</summary>
    public bool Matches => Comparison is { Matches: true };

    /// <summary>Whether it is a CSV, which gets column names and a plot.</summary>
    public bool IsCsv => string.Equals(Extension, "csv", StringComparison.OrdinalIgnoreCase);
}
