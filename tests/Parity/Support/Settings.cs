using NUnit.Framework;
using Parity.Harness.Reference;

namespace Parity.Tests.Support;

/// <summary>The run settings of parity.runsettings (TestRunParameters), with environment overrides.</summary>
internal static class Settings
{
    /// <summary>A Python to try first (after PARITY_PYTHON).</summary>
    public static string? Python => TestContext.Parameters.Get("Python", null as string) is { Length: > 0 } p ? p : null;

    /// <summary>Whether a missing PyTorch fails live tests instead of skipping them (CI: true).</summary>
    public static bool RequireTorch =>
        Flag(Environment.GetEnvironmentVariable("PARITY_REQUIRE_TORCH")) ?? Flag(TestContext.Parameters.Get("RequireTorch", null as string)) ?? false;

    /// <summary>live | fixtures | auto: PARITY_REFERENCE, else the run setting, else auto.</summary>
    public static ReferenceMode Reference =>
        (Environment.GetEnvironmentVariable("PARITY_REFERENCE") is { Length: > 0 } env ? env : TestContext.Parameters.Get("Reference", "auto")) switch
        {
            "live" => ReferenceMode.Live,
            "fixtures" => ReferenceMode.Fixtures,
            _ => ReferenceMode.Auto,
        };

    private static bool? Flag(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is "1" or "true" or "True" or "yes";
}
