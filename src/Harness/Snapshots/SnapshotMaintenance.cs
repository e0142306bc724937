using Parity.Common;

namespace Parity.Harness.Snapshots;

/// <summary>
/// What <c>parity snapshots status</c> and <c>parity snapshots accept</c> do to a snapshot folder. Accepting
/// writes a received file's text over its verified file through a temporary file renamed over it, which is atomic,
/// so a verified file is never half-written, and a verified file whose received file is absent is never touched.
/// </summary>
internal static class SnapshotMaintenance
{
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
        foreach (var path in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            if (SnapshotNames.TrySplit(file, SnapshotNames.Received, out var name, out var extension) && !SnapshotNames.IsPlot(extension))
            {
                // An empty verified file is the one a diff tool was opened on for a new snapshot (see Verifier).
                var state = new FileInfo(SnapshotNames.VerifiedPath(directory, name, extension)) is { Exists: true, Length: > 0 }
                    ? SnapshotState.Changed : SnapshotState.New;
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
    /// Writes each received file of the named snapshots over its verified file and deletes the received files and
    /// plot. Every received file is read, and every verified file checked, before anything is written: a received
    /// file that cannot be read or a verified file that is read-only stops the accept with nothing changed. Each
    /// verified file is then replaced atomically (a temporary file renamed over it), so it is never half-written.
    /// </summary>
    /// <param name="directory">A snapshot folder.</param>
    /// <param name="names">Snapshot names to accept; empty: every snapshot with a received file.</param>
    /// <returns>The verified files written, and the names that had no received file (a received file that vanished
    /// before it was read counts as absent).</returns>
    /// <exception cref="ArgumentException">
    /// A name, given or found in the folder, is not a safe file name (<c>..</c>, a path separator, a device name, …):
    /// nothing is accepted.
    /// </exception>
    /// <exception cref="IOException">A received file cannot be read; nothing was accepted.</exception>
    /// <exception cref="UnauthorizedAccessException">A verified file is read-only; nothing was accepted.</exception>
    public static AcceptResult Accept(string directory, IReadOnlyCollection<string> names)
    {
        var received = Status(directory, _ => true);
        var targets = (names.Count > 0 ? names : received.Select(p => p.Name)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in targets)
        {
            SnapshotNames.Validate(name, nameof(names));
        }

        var swaps = received.Where(p => targets.Contains(p.Name))
            .Select(p => (p.Name, Received: p.Path, Verified: SnapshotNames.VerifiedPath(directory, p.Name, p.Extension), Text: TryRead(p.Path)))
            .Where(swap => swap.Text is not null)
            .ToList();
        if (swaps.FirstOrDefault(s => File.Exists(s.Verified) && File.GetAttributes(s.Verified).HasFlag(FileAttributes.ReadOnly)) is { Verified: not null } locked)
        {
            throw new UnauthorizedAccessException(
                $"{locked.Verified} is read-only; nothing was accepted. Make it writable to accept {Path.GetFileName(locked.Received)} over it.");
        }

        foreach (var (_, receivedPath, verified, text) in swaps)
        {
            AtomicFile.Write(verified, text!);
            File.Delete(receivedPath);
        }

        foreach (var name in swaps.Select(s => s.Name).Distinct(StringComparer.Ordinal))
        {
            File.Delete(SnapshotNames.ReceivedPath(directory, name, SnapshotNames.Plot));
        }

        return new AcceptResult([.. swaps.Select(s => s.Verified)], [.. targets.Except(swaps.Select(s => s.Name), StringComparer.Ordinal)]);
    }

    // Null when the file is gone (deleted since it was listed, or a symbolic link to nothing): as if never received.
    private static string? TryRead(string path)
    {
        try
        {
            return SnapshotText.Read(path);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{path} cannot be read ({error.Message}); nothing was accepted.", error);
        }
    }
}
