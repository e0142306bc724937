namespace Parity.Harness.Snapshots;

/// <summary>A snapshot file that needs a decision: accept a received file, or delete an orphaned verified one.</summary>
/// <param name="Name">The snapshot's name, <c>{Class}.{Method}_{case}</c>.</param>
/// <param name="Extension">The file's extension, without the dot.</param>
/// <param name="State">New, changed or orphaned.</param>
/// <param name="Path">The received file (new, changed) or the verified file (orphaned).</param>
internal sealed record PendingSnapshot(string Name, string Extension, SnapshotState State, string Path);
