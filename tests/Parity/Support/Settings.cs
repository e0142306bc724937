using NUnit.Framework;
using Parity.Common;
using Parity.Harness.Reference;

namespace Parity.Tests.Support;

/// <summary>The run settings of parity.runsettings (TestRunParameters), with environment overrides.</summary>
internal static class Settings
{
    /// <summary>The variable that lists the capabilities a run requires (<see cref="Requires"/>).</summary>
    public const string RequireVariable = "PARITY_REQUIRE";

    /// <summary>A Python to try first (after PARITY_PYTHON).</summary>
    public static string? Python => TestContext.Parameters.Get("Python", null as string) is { Length: > 0 } p ? p : null;

    /// <summary>Whether a missing PyTorch fails live tests instead of skipping them (CI: true).</summary>
    public static bool RequireTorch => Required.Contains(Requires.Torch.Name);

    /// <summary>
    /// The capabilities whose absence fails a test instead of skipping it: <c>PARITY_REQUIRE</c>, a comma-separated list
    /// of names or <c>all</c>; <c>PARITY_REQUIRE_TORCH=1</c> or the RequireTorch run setting add python3, numpy and torch;
    /// <c>PARITY_REQUIRE_BROWSER=1</c> adds chromium.
    /// </summary>
    public static IReadOnlySet<string> Required
    {
        get
        {
            var names = (ParitySettings.Require ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .SelectMany(n => n == "all" ? Requires.All.Select(c => c.Name) : [n])
                .ToHashSet(StringComparer.Ordinal);
            if (ParitySettings.RequireTorch || ParitySettings.IsOn(TestContext.Parameters.Get("RequireTorch", null as string)))
            {
                names.UnionWith([Requires.Python3.Name, Requires.Numpy.Name, Requires.Torch.Name]);
            }

            if (ParitySettings.RequireBrowser)
            {
                names.Add(Requires.Chromium.Name);
            }

            return names;
        }
    }

    /// <summary>
    /// Where the catalogue tests' PyTorch side comes from — fixtures | torchsharp | pytorch | auto (live: torchsharp):
    /// PARITY_REFERENCE, else the run setting, else fixtures (the committed numbers, proven fresh by fixtures check).
    /// </summary>
    public static ReferenceSource Reference =>
        Sources.Parse(ParitySettings.Reference ?? TestContext.Parameters.Get("Reference", "fixtures"));
}
