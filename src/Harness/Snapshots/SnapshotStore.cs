using Parity.Common;
using Parity.Harness.Plots;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Snapshots;

/// <summary>
/// Snapshot files with Verify's conventions: <c>{directory}/{name}.verified.{ext}</c> is committed and is what a
/// test's output must match; on a mismatch <c>{name}.received.{ext}</c> is written beside it (git-ignored) for
/// review, and accepted by moving it over the verified file. Numbers are compared with a tolerance (see
/// <see cref="SnapshotComparer"/>), because a round-trip printed curve differs between machines in its last digits.
/// </summary>
internal sealed class SnapshotStore
{
    /// <summary>The environment variable that turns on accept mode for a test run: <c>PARITY_ACCEPT=1 dotnet test</c>.</summary>
    public const string AcceptVariable = "PARITY_ACCEPT";

    private readonly DiffToolLauncher diffTool;

    /// <summary>A store that opens the user's diff tool through DiffEngine where allowed.</summary>
    public SnapshotStore()
        : this(DiffToolLauncher.System)
    {
    }

    /// <summary>A store with the diff tool injected (tests observe launches without opening windows).</summary>
    public SnapshotStore(DiffToolLauncher diffTool) => this.diffTool = diffTool;

    /// <summary>Whether <paramref name="environment"/> asks for accept mode (<c>PARITY_ACCEPT=1</c> or <c>true</c>).</summary>
    public static bool AcceptRequested(Func<string, string?> environment) =>
        environment(AcceptVariable)?.Trim() is "1" or "true" or "True";

    /// <summary>
    /// Checks <paramref name="files"/> against the verified files of snapshot <paramref name="name"/>.
    /// Passing deletes stale received files of that name. New or changed files fail, with their received files
    /// written (and a plot for a changed CSV); in accept mode they are written as the verified files instead, and pass.
    /// </summary>
    /// <param name="directory">The folder of the test that owns the snapshot.</param>
    /// <param name="name"><c>{Class}.{Method}_{case}</c>; validated as a file name.</param>
    /// <param name="files">One file per extension.</param>
    /// <param name="options">Tolerance, plot columns, accept mode, diff tool.</param>
    public SnapshotResult Verify(string directory, string name, IReadOnlyList<SnapshotFile> files, SnapshotOptions options)
    {
        SnapshotNames.Validate(name);
        if (files.Count == 0)
        {
            throw new ArgumentException("A snapshot needs at least one file.", nameof(files));
        }

        foreach (var file in files)
        {
            SnapshotNames.ValidateExtension(file.Extension);
        }

        if (files.Select(f => f.Extension.ToLowerInvariant()).Distinct().Count() != files.Count)
        {
            throw new ArgumentException($"Snapshot {name} has two files with the same extension.", nameof(files));
        }

        Directory.CreateDirectory(directory);
        var tolerance = options.Tolerance;
        var checks = files.Select(f => Check(directory, name, f, tolerance)).ToList();
        var failing = checks.Where(c => !c.Matches).ToList();
        if (failing.Count == 0)
        {
            DeleteReceived(directory, name);
            return new SnapshotResult(SnapshotOutcome.Matched, "", []);
        }

        if (options.Accept)
        {
            foreach (var check in failing)
            {
                AtomicFile.Write(check.VerifiedPath, check.Received);
            }

            DeleteReceived(directory, name);
            return new SnapshotResult(SnapshotOutcome.Accepted, SnapshotMessages.Accepted(failing), []);
        }

        return Fail(directory, name, checks, failing, options);
    }

    private SnapshotResult Fail(string directory, string name, List<SnapshotFileCheck> checks, List<SnapshotFileCheck> failing, SnapshotOptions options)
    {
        var written = new List<string>();
        foreach (var check in checks)
        {
            if (check.Matches)
            {
                File.Delete(check.ReceivedPath);
            }
            else
            {
                AtomicFile.Write(check.ReceivedPath, check.Received);
                written.Add(check.ReceivedPath);
            }
        }

        var plot = WritePlot(directory, name, checks, failing, options);
        if (plot is not null)
        {
            written.Add(plot);
        }

        foreach (var check in failing.Where(c => !c.IsNew))
        {
            diffTool.TryLaunch(check.ReceivedPath, check.VerifiedPath, options.LaunchDiffTool);
        }

        var outcome = failing.Any(c => !c.IsNew) ? SnapshotOutcome.Changed : SnapshotOutcome.New;
        return new SnapshotResult(outcome, SnapshotMessages.Failure(name, failing, options, plot), written);
    }

    private static SnapshotFileCheck Check(string directory, string name, SnapshotFile file, Tolerance tolerance)
    {
        var received = SnapshotText.Normalise(file.Content);
        var verifiedPath = SnapshotNames.VerifiedPath(directory, name, file.Extension);
        var receivedPath = SnapshotNames.ReceivedPath(directory, name, file.Extension);
        if (!File.Exists(verifiedPath))
        {
            return new SnapshotFileCheck(file.Extension, received, verifiedPath, receivedPath, null, null);
        }

        var verified = SnapshotText.Read(verifiedPath);
        var isCsv = string.Equals(file.Extension, "csv", StringComparison.OrdinalIgnoreCase);
        var comparison = SnapshotComparer.Compare(verified, received, tolerance, isCsv);
        return new SnapshotFileCheck(file.Extension, received, verifiedPath, receivedPath, verified, comparison);
    }

    // One plot per snapshot, of its first changed CSV; a snapshot that has an svg file of its own gets none.
    private static string? WritePlot(string directory, string name, List<SnapshotFileCheck> checks, List<SnapshotFileCheck> failing, SnapshotOptions options)
    {
        if (checks.Any(c => string.Equals(c.Extension, "svg", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var path = SnapshotNames.ReceivedPath(directory, name, "svg");
        var csv = failing.FirstOrDefault(c => c.IsCsv && c.Verified is not null);
        var svg = csv is null || SnapshotCsv.Read(csv.Verified!) is not { } verified || SnapshotCsv.Read(csv.Received) is not { } received ? null
            : SnapshotDiffPlot.Render(name, [.. verified.Select(r => r.Fields)], [.. received.Select(r => r.Fields)], options.PlotColumns);
        if (svg is null)
        {
            File.Delete(path);
            return null;
        }

        AtomicFile.Write(path, svg);
        return path;
    }

    private static void DeleteReceived(string directory, string name)
    {
        foreach (var stale in SnapshotNames.ReceivedFiles(directory, name))
        {
            File.Delete(stale);
        }
    }
}
