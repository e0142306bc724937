using NUnit.Framework;

namespace Parity.Tests.Support;

/// <summary>
/// Names that must never become a path: each would reach outside its folder, or is not a file name on every system
/// the repository is checked out on. The reason is what the scenario-name check says about it.
/// </summary>
internal static class UnsafeNames
{
    private const string Separators = "path separators or \"..\"";

    /// <summary>Each name, how tests show it, and the reason the scenario-name check gives.</summary>
    public static IReadOnlyList<(string Display, string Name, string Reason)> All { get; } =
    [
        ("parent", "../xor-seed-parity", Separators),
        ("parent alone", "..", Separators),
        ("parent inside", "a..b", Separators),
        ("deep parent", "x/../../../nonexistent-parity/passwd", Separators),
        ("slash", "sub/name", Separators),
        ("backslash", "sub\\name", Separators),
        ("absolute", "/nonexistent-parity/etc/passwd", Separators),
        ("Windows absolute", "C:\\Windows\\win.ini", Separators),
        ("drive relative", "C:name", "':' is not allowed in a name"),
        ("UNC", "\\\\server\\share", Separators),
        ("leading dot", ".hidden", "a name cannot start with '.'"),
        ("dot", ".", "a name cannot start with '.'"),
        ("empty", "", "the name is empty"),
        ("NUL character", "xor\0seed", "U+0000 is not allowed in a name"),
        ("newline", "xor\nseed", "U+000A is not allowed in a name"),
        ("wildcard", "xor-*", "'*' is not allowed in a name"),
        ("CON", "CON", "\"CON\" is a reserved device name"),
        ("nul", "nul", "\"nul\" is a reserved device name"),
        ("COM1 with an extension", "COM1.txt", "\"COM1\" is a reserved device name"),
        ("lpt9", "lpt9", "\"lpt9\" is a reserved device name"),
        ("nul.json", "nul.json", "\"nul\" is a reserved device name"),
    ];

    /// <summary>One case per name, with the reason the scenario-name check gives; none of them exists as a file.</summary>
    public static IEnumerable<TestCaseData> Cases() =>
        All.Select(n => new TestCaseData(n.Name, n.Reason).SetArgDisplayNames(n.Display));

    /// <summary>The names alone, for checks that word their reasons differently (snapshot names).</summary>
    public static IEnumerable<TestCaseData> Names() =>
        All.Select(n => new TestCaseData(n.Name).SetArgDisplayNames(n.Display));
}
