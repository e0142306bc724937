namespace Parity.Harness.Snapshots;

/// <summary>What <see cref="SnapshotMaintenance.Accept"/> did.</summary>
/// <param name="Accepted">The verified files that were replaced by (or created from) their received files.</param>
/// <param name="NothingToAccept">The requested names that had no received file: their verified files were left untouched.</param>
internal sealed record AcceptResult(IReadOnlyList<string> Accepted, IReadOnlyList<string> NothingToAccept);
