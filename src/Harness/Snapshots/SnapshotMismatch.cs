namespace Parity.Harness.Snapshots;

/// <summary>A snapshot file that is new or differs from its verified file.</summary>
/// <param name="Pair">Its received and verified paths.</param>
/// <param name="Received">The produced text, normalised.</param>
/// <param name="Message">The comparer's account of the difference; null for a new file, or a comparison to the letter.</param>
/// <param name="IsNew">Whether there is no verified file yet (or only the empty one a diff tool was opened on).</param>
internal sealed record SnapshotMismatch(FilePair Pair, string Received, string? Message, bool IsNew);
