using Parity.Common;
using Parity.Harness.Plots;

namespace Parity.Harness.Snapshots;

/// <summary>
/// Parity's plot of a changed curve, hung on Verify's mismatch callback: when a CSV file differs,
/// <c>{name}.received.svg</c> draws its verified values (solid) against the received ones (dashed), so that a reviewer
/// sees at a glance whether a curve moved everywhere or at one epoch.
/// </summary>
internal static class ReceivedPlot
{
    /// <summary>Plots <paramref name="columns"/> (none: every column after the first, the x axis) of a changed CSV file;
    /// not when the snapshot has an svg file of its own.</summary>
    public static void PlotChangedCurves(this VerifySettings settings, params string[] columns) =>
        settings.OnVerifyMismatch((pair, _, autoVerify) =>
        {
            var plot = Path.ChangeExtension(pair.ReceivedPath, SnapshotNames.Plot);
            if (!autoVerify && pair.Extension.Equals("csv", StringComparison.OrdinalIgnoreCase) && !File.Exists(plot)
                && !File.Exists(Path.ChangeExtension(pair.VerifiedPath, SnapshotNames.Plot))
                && SnapshotNames.TrySplit(Path.GetFileName(pair.ReceivedPath), SnapshotNames.Received, out var name, out _)
                && Records(pair.VerifiedPath) is { } verified && Records(pair.ReceivedPath) is { } received
                && SnapshotDiffPlot.Render(name, verified, received, columns) is { } svg)
            {
                AtomicFile.Write(plot, svg);
            }

            return Task.CompletedTask;
        });

    private static string[][]? Records(string path) => SnapshotCsv.Read(SnapshotText.Read(path))?.Select(r => r.Fields).ToArray();
}
