using System.Globalization;

namespace Parity.TorchReference.Worker;

/// <summary>A child process's exit code as a person reads it: .NET reports death by signal N as 128 + N.</summary>
internal static class ExitStatus
{
    /// <summary><c>"3"</c>, or <c>"137 (killed by signal 9)"</c>.</summary>
    public static string Describe(int exitCode) =>
        exitCode is > 128 and < 160
            ? string.Create(CultureInfo.InvariantCulture, $"{exitCode} (killed by signal {exitCode - 128})")
            : exitCode.ToString(CultureInfo.InvariantCulture);
}
