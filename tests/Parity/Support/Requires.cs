using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using NUnit.Framework;
using Parity.HandRolled;

namespace Parity.Tests.Support;

/// <summary>
/// The capabilities that some tests need beyond managed code — libtorch through TorchSharp, python3, numpy, torch,
/// Chromium, a native BLAS, glibc's expf — each probed once, by itself. A test whose capability is missing is skipped with the reason and the
/// command that installs it, or fails instead when the capability is required (<see cref="Settings.Required"/>: CI
/// requires them all).
/// </summary>
internal static class Requires
{
    /// <summary>The Python the numpy test trainers and the worker tests run.</summary>
    public const string SystemPython = "/usr/bin/python3";

    public static readonly Capability Python3 = new("python3", $"a Python at {SystemPython}", "sudo apt-get install python3");

    public static readonly Capability Numpy = new("numpy", $"numpy for {SystemPython}", "sudo apt-get install python3-numpy");

    public static readonly Capability Torch = new(
        "torch", "a Python with torch (PARITY_PYTHON, the Python run setting, python3, /usr/bin/python3)",
        "sudo apt-get install python3-torch libopenblas0-pthread, or point PARITY_PYTHON at a Python with torch");

    public static readonly Capability TorchSharp = new(
        "torchsharp", "libtorch in process through TorchSharp-cpu (restored with the solution)",
        "nothing beyond the .NET SDK on Linux x64 with glibc; the loader's message says what failed");

    public static readonly Capability Chromium = new("chromium", $"headless Chromium at {HeadlessChromium.Executable}", "sudo apt-get install chromium");

    public static readonly Capability NativeBlas = new(
        "blas", "a native BLAS (libopenblas.so.0 or libblas.so.3)", "sudo apt-get install libopenblas0-pthread");

    public static readonly Capability GlibcExpf = new(
        "glibc-expf", "glibc's expf with FMA, the one Parity's float32 exp ports", "an x86-64 Linux machine with glibc and FMA; nothing to install");

    /// <summary>Every capability, in the order <c>PARITY_REQUIRE=all</c> lists them.</summary>
    public static IReadOnlyList<Capability> All { get; } = [TorchSharp, Python3, Numpy, Torch, Chromium, NativeBlas, GlibcExpf];

    private static readonly Lazy<string?> PythonMissing = new(() => File.Exists(SystemPython) ? null : $"{SystemPython} does not exist");

    private static readonly Lazy<string?> NumpyMissing = new(() => PythonMissing.Value ?? Imports(SystemPython, "numpy"));

    private static readonly Lazy<string?> ChromiumMissing = new(() => File.Exists(HeadlessChromium.Executable) ? null : $"{HeadlessChromium.Executable} does not exist");

    private static readonly Lazy<string?> BlasMissing = new(() => Blas.System is null ? "neither libopenblas.so.0 nor libblas.so.3 loads" : null);

    private static readonly Lazy<string?> ExpfMissing = new(() =>
        RuntimeInformation.OSArchitecture != Architecture.X64 ? $"this machine is {RuntimeInformation.OSArchitecture}, not x86-64"
        : !Fma.IsSupported ? "this CPU has no FMA"
        : !IsGlibc() ? "the C library is not glibc"
        : null);

    /// <summary>Skips the test (or fails it, when required) unless <see cref="SystemPython"/> exists.</summary>
    public static void Python() => Check(Python3, PythonMissing.Value);

    /// <summary>Skips the test (or fails it, when required) unless <see cref="SystemPython"/> imports numpy.</summary>
    public static void NumpyInSystemPython() => Check(Numpy, NumpyMissing.Value);

    /// <summary>Skips the test (or fails it, when required) unless Chromium is installed.</summary>
    public static void HeadlessChromiumInstalled() => Check(Chromium, ChromiumMissing.Value);

    /// <summary>Skips the test (or fails it, when required) unless a native BLAS loads.</summary>
    public static void NativeBlasLoads() => Check(NativeBlas, BlasMissing.Value);

    /// <summary>Skips the test (or fails it, when required) unless the C library is glibc with FMA on x86-64.</summary>
    public static void GlibcExpfWithFma() => Check(GlibcExpf, ExpfMissing.Value);

    /// <summary>Skips the test (or fails it, when required) with <paramref name="reason"/> unless it is null.</summary>
    public static void Check(Capability capability, string? reason)
    {
        if (reason is null)
        {
            return;
        }

        var message = $"needs {Missing(capability, reason)}";
        if (Settings.Required.Contains(capability.Name))
        {
            Assert.Fail($"{capability.Name} is required ({Settings.RequireVariable} or the run settings) but unavailable; this test {message}");
        }

        Skips.AddOrUpdate(capability, _ => (reason, 1), (_, seen) => (seen.Reason, seen.Count + 1));
        Assert.Ignore($"Skipped: this test {message} (Set {Settings.RequireVariable}={capability.Name} to make this a failure.)");
    }

    /// <summary>
    /// What the run skipped, a line per missing capability with its reason and install command, or null when nothing was
    /// skipped: <c>dotnet test</c>'s console lists skipped tests by name only, so the run prints this at its end.
    /// </summary>
    public static string? SkipSummary() =>
        Skips.IsEmpty ? null : string.Join('\n', Skips.OrderBy(s => s.Key.Name, StringComparer.Ordinal).Select(s =>
            $"Skipped {s.Value.Count} test(s) that need {Missing(s.Key, s.Value.Reason)}"));

    // What a test needs, why it is missing here and how to install it.
    private static string Missing(Capability capability, string reason) =>
        $"{capability.What}, which is missing: {reason.TrimEnd('.')}. Install: {capability.Install}.";

    // Each missing capability that made a test skip: the first reason given, and how many tests it skipped.
    private static readonly ConcurrentDictionary<Capability, (string Reason, int Count)> Skips = new();

    /// <summary>Null when <paramref name="python"/> imports <paramref name="module"/>, else the last line of its error.</summary>
    private static string? Imports(string python, string module)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"import {module}");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? null
            : $"`{python} -c 'import {module}'` failed: {error.Trim().Split('\n')[^1]}";
    }

    private static bool IsGlibc() =>
        OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libc.so.6", out var libc) && NativeLibrary.TryGetExport(libc, "gnu_get_libc_version", out _);
}
