using System.Collections.Concurrent;

namespace Parity.Harness.Snapshots;

/// <summary>
/// Settings for every verification, as Verify's <c>VerifierSettings</c>; set once, before the first one (the tests'
/// global setup). A text whose extension has no comparer matches its verified text only to the letter.
/// </summary>
internal static class VerifierSettings
{
    private static readonly ConcurrentDictionary<string, StringCompare> Comparers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Compares the texts of <paramref name="extension"/> files with <paramref name="compare"/>.</summary>
    public static void RegisterStringComparer(string extension, StringCompare compare) => Comparers[extension] = compare;

    /// <summary>The comparer registered for <paramref name="extension"/>, if any.</summary>
    public static StringCompare? StringComparerFor(string extension) => Comparers.GetValueOrDefault(extension);
}
