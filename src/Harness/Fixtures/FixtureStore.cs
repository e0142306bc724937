using System.Text.Json;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Fixtures;

/// <summary>
/// Reads and writes fixtures under a root folder (<c>fixtures/</c>). Writing is atomic per fixture: the new files
/// are written whole into <c>.NAME.new/</c>, then swapped in by two renames; a run killed at any point leaves either
/// the old fixture or the new one, which <see cref="Recover"/> (called by every operation) puts back in place.
/// </summary>
public sealed partial class FixtureStore(string root)
{
    /// <summary>The regenerate command, quoted in messages.</summary>
    public const string RegenerateCommand = "dotnet run --project src/Cli -- fixtures regenerate";

    private static readonly JsonSerializerOptions MetaJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The fixtures' root folder.</summary>
    public string Root { get; } = root;

    /// <summary>The folder of a scenario's fixture.</summary>
    /// <exception cref="FixtureException"><paramref name="scenario"/> is not a scenario name, so it could reach outside <see cref="Root"/>.</exception>
    public string FolderOf(string scenario)
    {
        if (ScenarioLoader.SafeNameProblem(scenario) is { } problem)
        {
            throw new FixtureException(
                $"{Quoted(scenario)}: not a scenario name: {problem}; a fixture is named after its scenario and stays in {Paths.Display(Root)}");
        }

        return Path.Combine(Root, scenario);
    }

    /// <summary>Whether a fixture exists for the scenario (after recovery).</summary>
    public bool Exists(string scenario)
    {
        Recover(scenario);
        return File.Exists(Path.Combine(FolderOf(scenario), MetaFile));
    }

    /// <summary>Loads the scenario's fixture, checking that it was made from this version of the scenario.</summary>
    /// <exception cref="FixtureException">
    /// Missing, corrupt or stale: the message names the file, the line and column (or JSON path), what was expected and
    /// the command that regenerates the fixture.
    /// </exception>
    public Fixture Load(Scenario scenario)
    {
        Recover(scenario.Name);
        var folder = FolderOf(scenario.Name);
        var regenerate = $"regenerate it: {RegenerateCommand} {scenario.Name}";
        var meta = ReadMeta(Path.Combine(folder, MetaFile), scenario.Name);
        if (meta.ScenarioHash != scenario.ContentHash)
        {
            throw new FixtureException(
                $"{Paths.Display(Path.Combine(folder, MetaFile))}: made from another version of scenario {scenario.Name} "
                + $"(hash {Short(meta.ScenarioHash)}, the scenario file is now {Short(scenario.ContentHash)}); {regenerate}",
                stale: true);
        }

        try
        {
            return Read(folder, scenario, meta);
        }
        catch (FixtureException error)
        {
            throw new FixtureException($"{error.Message}; {regenerate}");
        }
    }

    /// <summary>Writes the fixture atomically: afterwards the folder holds either the old fixture or this one, whole.</summary>
    public void Write(Scenario scenario, Fixture fixture)
    {
        Recover(scenario.Name);
        var folder = FolderOf(scenario.Name);
        var fresh = Path.Combine(Root, $".{scenario.Name}.new");
        var old = Path.Combine(Root, $".{scenario.Name}.old");
        if (Directory.Exists(fresh))
        {
            Directory.Delete(fresh, recursive: true);
        }

        Directory.CreateDirectory(fresh);
        WriteFiles(fresh, scenario, fixture);
        File.WriteAllText(Path.Combine(fresh, MetaFile), JsonSerializer.Serialize(fixture.Meta, MetaJson) + "\n");
        Flush(fresh);

        if (Directory.Exists(folder))
        {
            Directory.Move(folder, old);
        }

        Directory.Move(fresh, folder);
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
    }

    /// <summary>
    /// Puts a fixture whose regeneration was interrupted back in place: a complete new one (meta.json is written
    /// last) if the old one had already been moved aside, else the old one; a half-written new one is dropped.
    /// </summary>
    /// <returns>What was found and done, or null when there was nothing to recover.</returns>
    /// <exception cref="FixtureException"><paramref name="scenario"/> is not a scenario name.</exception>
    public string? Recover(string scenario)
    {
        var folder = FolderOf(scenario);
        var fresh = Path.Combine(Root, $".{scenario}.new");
        var old = Path.Combine(Root, $".{scenario}.old");
        string? done = null;
        if (!Directory.Exists(folder) && Directory.Exists(fresh) && File.Exists(Path.Combine(fresh, MetaFile)))
        {
            Directory.Move(fresh, folder);
            done = "an interrupted regeneration had finished writing: the new fixture is in place";
        }
        else if (!Directory.Exists(folder) && Directory.Exists(old))
        {
            Directory.Move(old, folder);
            done = "an interrupted regeneration had moved the old fixture aside: it is back in place";
        }

        foreach (var leftover in new[] { fresh, old }.Where(Directory.Exists))
        {
            Directory.Delete(leftover, recursive: true);
            done ??= "an interrupted regeneration left a partial fixture: removed, the old fixture is unchanged";
        }

        return done;
    }

    // Control characters are shown as \uXXXX, so that a name with a NUL or a newline prints on one line.
    private static string Quoted(string name) =>
        "\"" + string.Concat(name.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString())) + "\"";

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;

    // fsync the new files before they are swapped in, so a crash cannot leave a renamed folder of empty files.
    private static void Flush(string folder)
    {
        foreach (var file in Directory.GetFiles(folder))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite);
            stream.Flush(flushToDisk: true);
        }
    }
}
