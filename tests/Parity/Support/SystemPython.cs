using System.Diagnostics;
using NUnit.Framework;

namespace Parity.Tests.Support;

/// <summary>Runs a short program in <see cref="Requires.SystemPython"/> (the caller checks it is there) and returns what it printed.</summary>
internal static class SystemPython
{
    public static string Run(string code)
    {
        var start = new ProcessStartInfo(Requires.SystemPython) { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(code);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, code);
        return output;
    }
}
