using System.Security.Cryptography;
using NUnit.Framework;
using Parity.Harness.Scenarios;

namespace Parity.Tests.Support;

/// <summary>
/// A throw-away copy of the parts of the repository a test breaks: a temporary folder with a <c>Parity.sln</c> marker
/// (so the CLI takes it for the repository root), the catalogue files and fixtures of the scenarios asked for. Tests
/// corrupt the copy, never the repository's own <c>fixtures/</c>.
/// </summary>
internal sealed class ScratchRepository : IDisposable
{
    private ScratchRepository(string root) => Root = root;

    /// <summary>The copy's root: <c>Parity.sln</c>, <c>fixtures/</c>, <c>fixtures/scenarios/</c>.</summary>
    public string Root { get; }

    /// <summary>The copy's <c>fixtures/</c>.</summary>
    public string Fixtures => Path.Combine(Root, "fixtures");

    /// <summary>The copy's <c>fixtures/scenarios/</c>.</summary>
    public string Catalogue => Path.Combine(Fixtures, "scenarios");

    /// <summary>A copy holding the catalogue file and the fixture of each of <paramref name="scenarios"/>.</summary>
    public static ScratchRepository With(params string[] scenarios)
    {
        var scratch = new ScratchRepository(Directory.CreateTempSubdirectory("parity-scratch-").FullName);
        File.WriteAllText(Path.Combine(scratch.Root, "Parity.sln"), "");
        Directory.CreateDirectory(scratch.Catalogue);
        foreach (var name in scenarios)
        {
            File.Copy(Path.Combine(Repository.Catalogue, name + ".json"), scratch.ScenarioFile(name));
            var fixture = Directory.CreateDirectory(Path.Combine(scratch.Fixtures, name)).FullName;
            foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "fixtures", name)))
            {
                File.Copy(file, Path.Combine(fixture, Path.GetFileName(file)));
            }
        }

        return scratch;
    }

    /// <summary>The copy's catalogue file of <paramref name="name"/>.</summary>
    public string ScenarioFile(string name) => Path.Combine(Catalogue, name + ".json");

    /// <summary>The copy's file of the fixture of <paramref name="scenario"/>.</summary>
    public string FixtureFile(string scenario, string file) => Path.Combine(Fixtures, scenario, file);

    /// <summary>The copy's catalogue scenario, loaded.</summary>
    public Scenario Load(string name) => ScenarioLoader.Load(ScenarioFile(name));

    /// <summary>Writes <paramref name="text"/> to the file at <paramref name="relativePath"/> below the root.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>One edit of a file; an anchor that is not there would test nothing, so it fails the test.</summary>
    public void Replace(string path, string find, string replace)
    {
        var text = File.ReadAllText(path);
        Assert.That(text, Does.Contain(find), $"the test's anchor text in {path}");
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    /// <summary>
    /// Every file and folder below the root with its length, last write time and (up to 16 MiB) a digest of its bytes:
    /// two equal states mean nothing was written, moved or deleted.
    /// </summary>
    public IReadOnlyList<string> State() => StateOf(Root);

    /// <summary>The same fingerprint for any folder.</summary>
    public static IReadOnlyList<string> StateOf(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => $"{Path.GetRelativePath(folder, path)} {Fingerprint(new FileInfo(path))}")];

    private static string Fingerprint(FileInfo file) =>
        !file.Exists ? "(folder)"
        : file.Length > 16 * 1024 * 1024 ? $"{file.Length} bytes, {file.LastWriteTimeUtc:O}"
        : $"{file.Length} bytes, {file.LastWriteTimeUtc:O}, {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file.FullName)))}";

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
