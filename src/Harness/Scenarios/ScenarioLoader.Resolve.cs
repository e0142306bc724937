using System.Buffers;

namespace Parity.Harness.Scenarios;

/// <summary>Finding a scenario by path or by catalogue name, without ever leaving the catalogue folder.</summary>
public static partial class ScenarioLoader
{
    private const int MaxNameLength = 128;

    private static readonly SearchValues<char> NameCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    /// <summary>
    /// An existing file at <paramref name="nameOrPath"/>, else the catalogue's <c>NAME.json</c> (a trailing
    /// <c>.json</c> on the name is allowed). Fails with up to three close catalogue names; refuses names that are
    /// not plain (separators, <c>..</c>, leading dots, device names) so a name can never reach outside the folder.
    /// </summary>
    public static Scenario Resolve(string nameOrPath, string catalogueDirectory)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        ArgumentNullException.ThrowIfNull(catalogueDirectory);
        if (File.Exists(nameOrPath))
        {
            return Load(nameOrPath);
        }

        var name = nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? nameOrPath[..^5] : nameOrPath;
        if (SafeNameProblem(name) is { } problem)
        {
            throw new ScenarioException(nameOrPath, null, $"no such file, and not a catalogue name: {problem}");
        }

        var catalogue = Path.GetFullPath(catalogueDirectory);
        var candidate = Path.Combine(catalogue, name + ".json");
        if (Path.GetDirectoryName(Path.GetFullPath(candidate)) != catalogue.TrimEnd(Path.DirectorySeparatorChar))
        {
            throw new ScenarioException(nameOrPath, null, "not a catalogue name: it would resolve outside the catalogue");
        }

        if (File.Exists(candidate))
        {
            return Load(Path.Combine(catalogueDirectory, name + ".json"));
        }

        if (!Directory.Exists(catalogue))
        {
            throw new ScenarioException(nameOrPath, null, $"no such file, and there is no catalogue folder {catalogueDirectory}");
        }

        var known = Directory.EnumerateFiles(catalogue, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>();
        var close = NameSuggestions.Closest(name, known, 3);
        var hint = close.Count > 0
            ? "; did you mean " + string.Join(", ", close) + "?"
            : "; no catalogue name is close to it";
        throw new ScenarioException(nameOrPath, null, $"no such file, and no scenario \"{name}\" in {catalogueDirectory}{hint}");
    }

    /// <summary>
    /// Why <paramref name="name"/> cannot name a scenario, or null: names use letters, digits, '-', '_' and '.',
    /// do not start with '.', and are not device names, so they are safe as file names on every system.
    /// </summary>
    internal static string? SafeNameProblem(string name)
    {
        if (name.Length == 0)
        {
            return "the name is empty";
        }

        if (name.Length > MaxNameLength)
        {
            return $"the name is longer than {MaxNameLength} characters";
        }

        if (name.Contains("..", StringComparison.Ordinal) || name.AsSpan().ContainsAny('/', '\\'))
        {
            return "a name cannot contain path separators or \"..\"";
        }

        if (name[0] == '.')
        {
            return "a name cannot start with '.'";
        }

        if (name.AsSpan().IndexOfAnyExcept(NameCharacters) is var bad and >= 0)
        {
            return $"{Describe(name[bad])} is not allowed in a name; use letters, digits, '-', '_' and '.'";
        }

        return DeviceNames.In(name) is { } device ? $"\"{device}\" is a reserved device name" : null;
    }

    private static string Describe(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : $"'{c}'";
}
