namespace Parity.Harness.Scenarios;

/// <summary>How a file is named in a message: relative to the current folder, as the user typed the command there.</summary>
internal static class Paths
{
    /// <summary><paramref name="path"/> relative to the current folder.</summary>
    public static string Display(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
}
