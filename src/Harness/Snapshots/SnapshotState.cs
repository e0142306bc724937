namespace Parity.Harness.Snapshots;

/// <summary>Why a snapshot file is listed by <see cref="SnapshotMaintenance.Status"/>.</summary>
internal enum SnapshotState
{
    /// <summary>A received file with no verified counterpart: a snapshot never accepted.</summary>
    New,

    /// <summary>A received file whose verified counterpart it differs from.</summary>
    Changed,

    /// <summary>A verified file no test owns any more: a candidate for deletion.</summary>
    Orphaned,
}
