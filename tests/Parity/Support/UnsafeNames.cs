using NUnit.Framework;

namespace Parity.Tests.Support;

/// <summary>
/// Names that must never become a path: each would reach outside its folder, or is not a file name on every system
/// the repository is checked out on. The reason is what the scenario-name check says about it.
/// </summary>
internal static class UnsafeNames
{
    private const string Separators = "path separators or \"..\"";

    /// <summary>One case per name, with the reason the scenario-name check gives; none of them exists as a file.</summary>
    public static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("parent", "../xor-seed-parity", Separators);
        yield return Case("parent alone", "..", Separators);
        yield return Case("parent inside", "a..b", Separators);
        yield return Case("deep parent", "x/../../../etc/passwd", Separators);
        yield return Case("slash", "sub/name", Separators);
        yield return Case("backslash", "sub\\name", Separators);
        yield return Case("absolute", "/nonexistent-parity/etc/passwd", Separators);
        yield return Case("Windows absolute", "C:\\Windows\\win.ini", Separators);
        yield return Case("drive relative", "C:name", "':' is not allowed in a name");
        yield return Case("UNC", "\\\\server\\share", Separators);
        yield return Case("leading dot", ".hidden", "a name cannot start with '.'");
        yield return Case("dot", ".", "a name cannot start with '.'");
        yield return Case("empty", "", "the name is empty");
        yield return Case("NUL character", "xor\0seed", "U+0000 is not allowed in a name");
        yield return Case("newline", "xor\nseed", "U+000A is not allowed in a name");
        yield return Case("wildcard", "xor-*", "'*' is not allowed in a name");
        yield return Case("CON", "CON", "\"CON\" is a reserved device name");
        yield return Case("nul", "nul", "\"nul\" is a reserved device name");
        yield return Case("COM1 with an extension", "COM1.txt", "\"COM1\" is a reserved device name");
        yield return Case("lpt9", "lpt9", "\"lpt9\" is a reserved device name");
        yield return Case("nul.json", "nul.json", "\"nul\" is a reserved device name");
    }

    private static TestCaseData Case(string display, string name, string reason) =>
        new TestCaseData(name, reason).SetArgDisplayNames(display);
}
