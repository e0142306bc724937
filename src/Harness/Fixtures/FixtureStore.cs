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
    public string FolderOf(string scenario) => Path.Combine(Root, scenario);

    /// <summary>Whether a fixture exists for the scenario (after recovery).</summary>
    public bool Exists(string scenario)
    {
        Recover(scenario);
        return File.Exists(Path.Combine(FolderOf(scenario), MetaFile));
    }

    /// <summary>Loads the scenario's fixture, checking that it was made from this version of the scenario.</summary>
    /// <exception cref="FixtureException">Missing, corrupt or stale.</exception>
    public Fixture Load(Scenario scenario)
    {
        Recover(scenario.Name);
        var folder = FolderOf(scenario.Name);
        var meta = ReadMeta(Path.Combine(folder, MetaFile));
        if (meta.ScenarioHash != scenario.ContentHash)
        {
            throw new FixtureException(
                $"{Display(Path.Combine(folder, MetaFile))}: made from another version of scenario {scenario.Name} "
                + $"(hash {Short(meta.ScenarioHash)}, the scenario file is now {Short(scenario.ContentHash)}); "
                + $"regenerate it: {RegenerateCommand} {scenario.Name}");
        }

        return Read(folder, scenario, meta);
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

    internal static string Display(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path);

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;

    private static FixtureMeta ReadMeta(string path)
    {
        if (!File.Exists(path))
        {
            throw new FixtureException(
                $"{Display(path)}: missing; make the fixture with {RegenerateCommand} {Path.GetFileName(Path.GetDirectoryName(path))}");
        }

        try
        {
            return JsonSerializer.Deserialize<FixtureMeta>(File.ReadAllText(path), MetaJson)
                ?? throw new FixtureException($"{Display(path)}: empty");
        }
        catch (JsonException error)
        {
            throw new FixtureException($"{Display(path)}: not a fixture's meta.json ({error.Message})");
        }
    }

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
