using NUnit.Framework;

namespace Parity.Tests.Support;

/// <summary>The run settings of parity.runsettings (TestRunParameters), with environment overrides.</summary>
internal static class Settings
{
    /// <summary>A Python to try first (after PARITY_PYTHON).</summary>
    public static string? Python => TestContext.Parameters.Get("Python", null as string);

    /// <summary>Whether a missing PyTorch fails live tests instead of skipping them (CI: true).</summary>
    public static bool RequireTorch =>
        Flag(Environment.GetEnvironmentVariable("PARITY_REQUIRE_TORCH")) ?? Flag(TestContext.Parameters.Get("RequireTorch", null as string)) ?? false;

    private static bool? Flag(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is "1" or "true" or "True" or "yes";
}
