using System.CommandLine;
using Parity.Harness.Snapshots;

namespace Parity.Cli.Commands;

/// <summary><c>parity snapshots accept [names…]</c> and <c>parity snapshots status</c>.</summary>
internal static class SnapshotsCommand
{
    public static Command Create(Terminal terminal)
    {
        var names = new Argument<string[]>("names")
        {
            Description = "Scenarios (or full snapshot names) whose received snapshots to accept (default: all pending).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var accept = new Command("accept", "Write received snapshots over their verified ones, atomically (a temporary file renamed over each); verified files without a received one are untouched, and a received file that cannot be read or a read-only verified file stops it with nothing changed.")
        {
            names,
        };
        accept.SetAction(parse => Failures.GuardAsync(terminal, false, null, async () =>
        {
            await using var harness = CommonOptions.Harness();
            var folder = CatalogueSnapshots.Folder(harness.Options.Root);
            var result = SnapshotMaintenance.Accept(folder, CatalogueSnapshots.Select(folder, parse.GetValue(names) ?? [], harness.CatalogueNames()));
            foreach (var file in result.Accepted)
            {
                await terminal.Out.WriteLineAsync($"accepted {file}").ConfigureAwait(false);
            }

            foreach (var name in result.NothingToAccept)
            {
                await terminal.Out.WriteLineAsync($"nothing to accept for {name}").ConfigureAwait(false);
            }

            await terminal.Out.WriteLineAsync($"{result.Accepted.Count} snapshot file(s) accepted in {folder}.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }));

        var status = new Command("status", "List received snapshots waiting to be accepted, and verified snapshots of no catalogue scenario (orphans).");
        status.SetAction(_ => Failures.GuardAsync(terminal, false, null, async () =>
        {
            await using var harness = CommonOptions.Harness();
            var folder = CatalogueSnapshots.Folder(harness.Options.Root);
            var catalogue = harness.CatalogueNames();
            var pending = SnapshotMaintenance.Status(folder, name => CatalogueSnapshots.ScenarioOf(name, catalogue) is not null);
            foreach (var snapshot in pending)
            {
                await terminal.Out.WriteLineAsync($"{snapshot.State.ToString().ToLowerInvariant(),-9} {Path.GetRelativePath(harness.Options.Root, snapshot.Path)}").ConfigureAwait(false);
            }

            await terminal.Out.WriteLineAsync(pending.Count == 0
                ? "Every snapshot is verified and owned."
                : $"{pending.Count} snapshot file(s) need attention: accept with `dotnet run --project src/Cli -- snapshots accept [names…]`, delete orphans.").ConfigureAwait(false);
            return pending.Count == 0 ? ExitCodes.Ok : ExitCodes.Mismatch;
        }));

        return new Command("snapshots", "Accept received snapshots, or list what is pending.") { accept, status };
    }
}
