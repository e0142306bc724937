namespace Parity.Harness.Snapshots;

/// <summary>What a snapshot verification found.</summary>
internal enum SnapshotOutcome
{
    /// <summary>Every file matches its verified file within the tolerance.</summary>
    Matched,

    /// <summary>Accept mode: a new or changed file was written as the verified one.</summary>
    Accepted,

    /// <summary>Some file has no verified file yet; its received file was written.</summary>
    New,

    /// <summary>Some file differs from its verified file; its received file was written.</summary>
    Changed,
}
