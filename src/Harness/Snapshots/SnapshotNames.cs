using Parity.Harness.Scenarios;

namespace Parity.Harness.Snapshots;

/// <summary>
/// Snapshot names and the paths made from them. Names come from the command line (<c>parity snapshots accept
/// NAME</c>), so a name is checked before it becomes a path: it must not leave the snapshot folder, and it must be
/// a valid file name on every system the repository is checked out on, Windows included.
/// </summary>
internal static class SnapshotNames
{
    /// <summary>The infix of received files: <c>{name}.received.{ext}</c>.</summary>
    public const string Received = ".received.";

    /// <summary>The infix of verified files: <c>{name}.verified.{ext}</c>.</summary>
    public const string Verified = ".verified.";

    /// <summary>The extension of the received plot of a changed CSV, <c>{name}.received.svg</c>: it goes with its snapshot.</summary>
    public const string Plot = "svg";

    // Windows' set, checked everywhere: Linux would accept most of these, and the file would then not check out.
    private static readonly char[] Invalid = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="name"/> is a safe snapshot name.</summary>
    public static void Validate(string name, string parameter = "name")
    {
        var problem = string.IsNullOrWhiteSpace(name) ? "is empty or blank"
            : name.Contains("..", StringComparison.Ordinal) ? "contains '..'"
            : name.IndexOfAny(Invalid) is var i and >= 0 ? $"contains '{name[i]}', which is not allowed in a file name"
            : name.Any(char.IsControl) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 ? "contains a character not allowed in a file name"
            : name != name.Trim() || name.EndsWith('.') ? "starts or ends with a space, or ends with '.'"
            : name.StartsWith('.') ? "starts with '.'"
            : DeviceNames.In(name) is { } device ? $"starts with the reserved device name '{device}'"
            : null;
        if (problem is not null)
        {
            throw new ArgumentException(
                $"Snapshot name '{name}' {problem}; a snapshot name is a file name like Class.Method_case.", parameter);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="extension"/> is a plain extension.</summary>
    public static void ValidateExtension(string extension)
    {
        if (string.IsNullOrWhiteSpace(extension) || extension.StartsWith('.') || extension.Contains("..", StringComparison.Ordinal)
            || extension.IndexOfAny(Invalid) >= 0 || extension.Any(char.IsControl))
        {
            throw new ArgumentException($"Snapshot extension '{extension}' must be a plain extension without the dot, like csv.", nameof(extension));
        }
    }

    /// <summary><c>{directory}/{name}.verified.{extension}</c>.</summary>
    public static string VerifiedPath(string directory, string name, string extension) =>
        Path.Combine(directory, name + Verified + extension);

    /// <summary><c>{directory}/{name}.received.{extension}</c>.</summary>
    public static string ReceivedPath(string directory, string name, string extension) =>
        Path.Combine(directory, name + Received + extension);

    /// <summary>Every received file of the snapshot, the plot included.</summary>
    public static string[] ReceivedFiles(string directory, string name) =>
        Directory.Exists(directory) ? Directory.GetFiles(directory, name + Received + "*") : [];

    /// <summary>Whether <paramref name="extension"/> is the received plot's.</summary>
    public static bool IsPlot(string extension) => string.Equals(extension, Plot, StringComparison.OrdinalIgnoreCase);

    /// <summary>Splits <c>{name}{infix}{ext}</c> into name and extension; false for any other file name.</summary>
    public static bool TrySplit(string fileName, string infix, out string name, out string extension)
    {
        var at = fileName.LastIndexOf(infix, StringComparison.Ordinal);
        (name, extension) = at > 0 ? (fileName[..at], fileName[(at + infix.Length)..]) : ("", "");
        return at > 0 && extension.Length > 0 && !fileName.StartsWith('.');
    }
}
