namespace Parity.Common;

/// <summary>
/// Every environment variable Parity reads, in one place, with one rule for a switch: <c>1</c>, <c>true</c>, <c>yes</c> or
/// <c>on</c>, in any case, turns it on; anything else, or nothing, leaves it off. docs/contracts.md lists them.
/// </summary>
public static class ParitySettings
{
    /// <summary><c>PARITY_BLAS</c>: <c>managed</c> keeps the hand-rolled engine's large products off the native BLAS.</summary>
    public static string? Blas => Variable("PARITY_BLAS");

    /// <summary><c>PARITY_PYTHON</c>: the Python with torch the worker runs, tried first.</summary>
    public static string? Python => Variable(PythonVariable);

    /// <summary><c>PARITY_ACCEPT</c>: a test run accepts every new or changed snapshot.</summary>
    public static bool Accept => IsOn(Variable(AcceptVariable));

    /// <summary><c>CI</c>: a CI run, where no diff tool is ever opened.</summary>
    public static bool OnCi => IsOn(Variable("CI"));

    /// <summary><c>PARITY_REQUIRE</c>: the test capabilities whose absence fails a test instead of skipping it (names, or <c>all</c>).</summary>
    public static string? Require => Variable("PARITY_REQUIRE");

    /// <summary><c>PARITY_REQUIRE_TORCH</c>: require python3, numpy and torch.</summary>
    public static bool RequireTorch => IsOn(Variable("PARITY_REQUIRE_TORCH"));

    /// <summary><c>PARITY_REQUIRE_BROWSER</c>: require Chromium.</summary>
    public static bool RequireBrowser => IsOn(Variable("PARITY_REQUIRE_BROWSER"));

    /// <summary><c>PARITY_REFERENCE</c>: the tests' reference (auto, torchsharp, pytorch, fixtures), over the run setting.</summary>
    public static string? Reference => Variable("PARITY_REFERENCE");

    /// <summary><c>MKL_CBWR</c>: MKL's reproducibility mode, which the TorchSharp reference sets when it is unset.</summary>
    public static string? MklReproducibility => Variable(MklVariable);

    /// <summary>The name of <see cref="Python"/>'s variable, for messages.</summary>
    public const string PythonVariable = "PARITY_PYTHON";

    /// <summary>The name of <see cref="Accept"/>'s variable, for messages.</summary>
    public const string AcceptVariable = "PARITY_ACCEPT";

    /// <summary>The name of <see cref="MklReproducibility"/>'s variable.</summary>
    public const string MklVariable = "MKL_CBWR";

    /// <summary>Whether <paramref name="value"/> turns a switch on.</summary>
    public static bool IsOn(string? value) =>
        value?.Trim().ToUpperInvariant() is "1" or "TRUE" or "YES" or "ON";

    /// <summary>
    /// One variable by name, for the readers that take an injected lookup (tests give them their own); an empty value is
    /// no value.
    /// </summary>
#pragma warning disable RS0030 // the one place the environment is read
    public static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
#pragma warning restore RS0030
}
