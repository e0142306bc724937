using System.Runtime.CompilerServices;
using DiffEngine;
using Parity.Common;

namespace Parity.Harness.Snapshots;

/// <summary>
/// Checks a test's output against its approved files with Verify's conventions and entry point,
/// <c>await Verifier.Verify(targets, settings)</c>. <c>{name}.verified.{ext}</c> is committed and is what the output must
/// match, through the comparer registered for its extension (<see cref="VerifierSettings"/>). A new or changed file
/// fails: <c>{name}.received.{ext}</c> is written beside it (git-ignored) and DiffEngine opens the pair in the user's diff
/// tool — a new file against an empty verified file, which DiffEngine makes through EmptyFiles. Accepting writes the
/// received text over the verified file (<see cref="VerifySettings.AutoVerify"/>, <c>PARITY_ACCEPT=1</c>, or
/// <c>parity snapshots accept</c>).
/// </summary>
/// <param name="environment">Reads an environment variable (<c>CI</c>); tests inject one.</param>
/// <param name="launchDiff">Opens the diff tool on (received, verified); tests record calls instead.</param>
internal sealed class Verifier(Func<string, string?> environment, Func<string, string, Task> launchDiff)
{
    /// <summary>The environment variable that accepts every snapshot of a test run: <c>PARITY_ACCEPT=1 dotnet test</c>.</summary>
    public const string AcceptVariable = ParitySettings.AcceptVariable;

    private static readonly Verifier Default = new(ParitySettings.Variable, LaunchDiffAsync);

    /// <summary>
    /// Verifies <paramref name="targets"/> as <c>{Type}.{Method}_{parameters}</c> beside the calling test: the type is
    /// the source file's name (one type per file), the method the caller's (Verify.NUnit reads both from NUnit).
    /// </summary>
    /// <exception cref="VerifyException">A file is new or changed, and not auto-verified.</exception>
    public static Task Verify(
        IEnumerable<Target> targets, VerifySettings? settings = null, [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "") =>
        Default.VerifyAsync(targets, settings ?? new(), sourceFile, method);

    /// <summary>
    /// DiffEngine's launch of the user's diff tool on (received, verified). DiffEngine declines on a build server or with
    /// <c>DiffEngine_Disabled</c> (<see cref="LaunchResult.Disabled"/>), and where it finds no tool; for a new snapshot it
    /// first makes the empty verified file (EmptyFiles), so that the tool opens on the pair.
    /// </summary>
    public static Task<LaunchResult> LaunchDiffAsync(string received, string verified) =>
        DiffRunner.LaunchAsync(received, verified, SnapshotText.Utf8);

    /// <summary>Whether <paramref name="environment"/> asks to accept (<c>PARITY_ACCEPT=1</c> or <c>true</c>).</summary>
    public static bool AcceptRequested(Func<string, string?> environment) =>
        environment(AcceptVariable)?.Trim() is "1" or "true" or "True";

    /// <summary><see cref="Verify"/> with this verifier's environment and diff tool.</summary>
    public async Task VerifyAsync(IEnumerable<Target> targets, VerifySettings settings, string sourceFile, string method)
    {
        var directory = Path.Combine(Path.GetDirectoryName(sourceFile) ?? "", settings.Directory ?? "");
        var name = settings.FileName
            ?? $"{Path.GetFileNameWithoutExtension(sourceFile)}.{method}{(settings.ParametersText is { } text ? "_" + text : "")}";
        var files = Validated(name, targets);
        Directory.CreateDirectory(directory);
        Array.ForEach(SnapshotNames.ReceivedFiles(directory, name), File.Delete);

        var mismatches = new List<SnapshotMismatch>();
        foreach (var target in files)
        {
            if (await CompareAsync(directory, name, target, settings).ConfigureAwait(false) is { } mismatch)
            {
                mismatches.Add(mismatch);
            }
        }

        foreach (var mismatch in mismatches)
        {
            AtomicFile.Write(settings.IsAutoVerify ? mismatch.Pair.VerifiedPath : mismatch.Pair.ReceivedPath, mismatch.Received);
        }

        foreach (var mismatch in mismatches.Where(m => !m.IsNew))
        {
            foreach (var onMismatch in settings.MismatchHandlers)
            {
                await onMismatch(mismatch.Pair, mismatch.Message, settings.IsAutoVerify).ConfigureAwait(false);
            }
        }

        if (mismatches.Count == 0 || settings.IsAutoVerify)
        {
            return;
        }

        // Not on CI, which DiffEngine does not detect: nobody would see the window, and a launched process could hang the job.
        foreach (var mismatch in settings.DiffEnabled && string.IsNullOrEmpty(environment("CI")) ? mismatches : [])
        {
            try
            {
                await launchDiff(mismatch.Pair.ReceivedPath, mismatch.Pair.VerifiedPath).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A missing or broken diff tool is the user's setup, not the snapshot's failure: the message says what changed.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        var plot = SnapshotNames.ReceivedPath(directory, name, SnapshotNames.Plot);
        var plotted = File.Exists(plot) && !files.Any(f => SnapshotNames.IsPlot(f.Extension));
        throw new VerifyException(SnapshotMessages.Failure(name, mismatches, plotted ? plot : null));
    }

    private static List<Target> Validated(string name, IEnumerable<Target> targets)
    {
        SnapshotNames.Validate(name);
        var files = targets.ToList();
        files.ForEach(f => SnapshotNames.ValidateExtension(f.Extension));
        return files.Count > 0 && files.DistinctBy(f => f.Extension.ToLowerInvariant()).Count() == files.Count
            ? files
            : throw new ArgumentException($"Snapshot {name} needs one file per extension, and at least one.", nameof(targets));
    }

    private static async Task<SnapshotMismatch?> CompareAsync(string directory, string name, Target target, VerifySettings settings)
    {
        var pair = new FilePair(
            target.Extension, SnapshotNames.ReceivedPath(directory, name, target.Extension), SnapshotNames.VerifiedPath(directory, name, target.Extension));
        var received = SnapshotText.Normalise(target.Data);

        // As Verify: an empty verified file is the one a diff tool was opened on for a new snapshot, not an approved one.
        if (new FileInfo(pair.VerifiedPath) is { Exists: true, Length: 0 } empty)
        {
            empty.Delete();
        }

        if (!File.Exists(pair.VerifiedPath))
        {
            return new SnapshotMismatch(pair, received, null, IsNew: true);
        }

        var verified = SnapshotText.Read(pair.VerifiedPath);
        var result = verified == received ? CompareResult.Equal
            : VerifierSettings.StringComparerFor(target.Extension) is { } compare ? await compare(received, verified, settings.Context).ConfigureAwait(false)
            : CompareResult.NotEqual();
        return result.IsEqual ? null : new SnapshotMismatch(pair, received, result.Message, IsNew: false);
    }
}
