namespace Parity.Harness.Snapshots;

/// <summary>The outcome of <see cref="SnapshotStore.Verify"/>; a test asserts <see cref="Passed"/> with <see cref="Message"/>.</summary>
/// <param name="Outcome">Matched, accepted, new or changed.</param>
/// <param name="Message">Empty when matched; what was accepted in accept mode; otherwise what changed and how to accept it.</param>
/// <param name="ReceivedFiles">The received files left for review (the plot included).</param>
internal sealed record SnapshotResult(SnapshotOutcome Outcome, string Message, IReadOnlyList<string> ReceivedFiles)
{
    /// <summary>Whether the test passes: matched, or accepted.</summary>
    public bool Passed => Outcome is SnapshotOutcome.Matched or SnapshotOutcome.Accepted;
}
