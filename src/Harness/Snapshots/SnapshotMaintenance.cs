namespace Parity.Harness.Snapshots;

/// <summary>
/// What <c>parity snapshots status</c> and <c>parity snapshots accept</c> do to a snapshot folder. Accepting
/// renames a received file over its verified file: on the same filesystem that is atomic, so a verified file is
/// never half-written, and a verified file whose received file is absent is never touched.
/// </summary>
internal static class SnapshotMaintenance
{
    private const string Plot = "svg";

    /// <summary>
    /// Received files awaiting a decision (new, or changed against an existing verified file), and verified files no
    /// test owns any more. Received plots are left out: they go with their snapshot.
    /// </summary>
    /// <param name="directory">A snapshot folder; a missing folder has nothing pending.</param>
    /// <param name="isOwned">Whether a snapshot name is still produced by some test.</param>
    public static IReadOnlyList<PendingSnapshot> Status(string directory, Func<string, bool> isOwned)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var pending = new List<PendingSnapshot>();
        foreach (var path in Files(directory))
        {
            var file = Path.GetFileName(path);
            if (SnapshotNames.TrySplit(file, SnapshotNames.Received, out var name, out var extension) && !IsPlot(extension))
            {
                var state = File.Exists(SnapshotNames.VerifiedPath(directory, name, extension)) ? SnapshotState.Changed : SnapshotState.New;
                pending.Add(new PendingSnapshot(name, extension, state, path));
            }
            else if (SnapshotNames.TrySplit(file, SnapshotNames.Verified, out name, out extension) && !isOwned(name))
            {
                pending.Add(new PendingSnapshot(name, extension, SnapshotState.Orphaned, path));
            }
        }

        return pending;
    }

    /// <summary>
    /// Moves each received file of the named snapshots over its verified file and deletes the received plot.
    /// </summary>
    /// <param name="directory">A snapshot folder.</param>
    /// <param name="names">Snapshot names to accept; empty: every snapshot with a received file.</param>
    /// <returns>The verified files written, and the names that had no received file.</returns>
    /// <exception cref="ArgumentException">
    /// A name, given or found in the folder, is not a safe file name (<c>..</c>, a path separator, a device name, …):
    /// nothing is accepted.
    /// </exception>
    public static AcceptResult Accept(string directory, IReadOnlyCollection<string> names)
    {
        var targets = names.Count > 0
            ? names.Distinct(StringComparer.Ordinal).ToList()
            : Status(directory, _ => true).Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in targets)
        {
            SnapshotNames.Validate(name, nameof(names));
        }

        var accepted = new List<string>();
        var nothing = new List<string>();
        foreach (var name in targets)
        {
            var received = SnapshotNames.ReceivedFiles(directory, name)
                .Where(path => SnapshotNames.TrySplit(Path.GetFileName(path), SnapshotNames.Received, out var n, out var ext) && n == name && !IsPlot(ext))
                .ToList();
            if (received.Count == 0)
            {
                nothing.Add(name);
                continue;
            }

            foreach (var path in received)
            {
                SnapshotNames.TrySplit(Path.GetFileName(path), SnapshotNames.Received, out _, out var extension);
                var verified = SnapshotNames.VerifiedPath(directory, name, extension);
                File.Move(path, verified, overwrite: true);
                accepted.Add(verified);
            }

            File.Delete(SnapshotNames.ReceivedPath(directory, name, Plot));
        }

        return new AcceptResult(accepted, nothing);
    }

    private static IEnumerable<string> Files(string directory) =>
        Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal);

    private static bool IsPlot(string extension) => string.Equals(extension, Plot, StringComparison.OrdinalIgnoreCase);
}
