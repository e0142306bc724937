using Parity.Harness.Scenarios;

namespace Parity.Harness.Snapshots;

/// <summary>
/// How <c>parity snapshots</c> finds the catalogue's snapshots without knowing the test that makes them: by Verify's
/// naming in one folder, <c>{Type}.{Method}_{scenario}.verified.{ext}</c> and <c>.received.{ext}</c>. A snapshot belongs
/// to the scenario its name ends in; a verified file that ends in no catalogue scenario's name is an orphan. Which test
/// owns the files is the tests' business: the catalogue's test checks that each verified file beside it is its own.
/// </summary>
internal static class CatalogueSnapshots
{
    /// <summary>The catalogue's snapshot folder.</summary>
    public static string Folder(string root) => Path.Combine(root, "tests", "Parity", "Catalogue");

    /// <summary>The scenario a snapshot name ends in (<c>…_{scenario}</c>), the longest if several; null when none.</summary>
    public static string? ScenarioOf(string name, IEnumerable<string> catalogue) =>
        catalogue.Where(s => name.Length > s.Length + 1 && name.EndsWith("_" + s, StringComparison.Ordinal)).MaxBy(s => s.Length);

    /// <summary>
    /// The snapshots that <c>snapshots accept</c>'s arguments name: each argument is a snapshot's whole name, or a
    /// scenario's, which names every snapshot of that scenario with received files. An argument that names none is kept,
    /// to be reported as having nothing to accept.
    /// </summary>
    /// <exception cref="ScenarioException">An argument is not a safe name; nothing is selected.</exception>
    public static IReadOnlyList<string> Select(string folder, IEnumerable<string> arguments, IReadOnlyCollection<string> catalogue)
    {
        var wanted = arguments.Select(a => ScenarioLoader.SafeNameProblem(a) is { } problem
            ? throw new ScenarioException(a, null, "not a scenario or snapshot name: " + problem)
            : a).ToList();
        var pending = SnapshotMaintenance.Status(folder, _ => true).Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
        return [.. wanted.SelectMany(a => pending.Where(n => n == a || ScenarioOf(n, catalogue) == a).DefaultIfEmpty(a))];
    }
}
