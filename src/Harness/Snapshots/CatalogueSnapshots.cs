namespace Parity.Harness.Snapshots;

/// <summary>
/// Where the catalogue's approved snapshots live and who owns them: the data-driven test
/// <c>ScenarioSnapshotTests.Catalogue</c> in tests/Parity/Catalogue, one <c>{Owner}_{scenario}</c> per scenario.
/// <c>parity snapshots</c> works on this folder.
/// </summary>
internal static class CatalogueSnapshots
{
    /// <summary>The owning test, <c>{Class}.{Method}</c>.</summary>
    public const string Owner = "ScenarioSnapshotTests.Catalogue";

    /// <summary>The folder beside the owning test.</summary>
    public static string Folder(string root) => Path.Combine(root, "tests", "Parity", "Catalogue");

    /// <summary>The snapshot name of a scenario.</summary>
    public static string NameOf(string scenario) => $"{Owner}_{scenario}";

    /// <summary>Whether a snapshot name belongs to a scenario of the catalogue (else it is an orphan).</summary>
    public static bool IsOwned(string name, IReadOnlyCollection<string> catalogue) =>
        name.StartsWith(Owner + "_", StringComparison.Ordinal) && catalogue.Contains(name[(Owner.Length + 1)..]);
}
