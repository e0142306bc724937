using System.Diagnostics;
using NUnit.Framework;

namespace Parity.Tests.Support;

/// <summary>
/// Debian's <c>/usr/bin/chromium</c> run headless on a local file, offline and with a throw-away profile. Tests that
/// need it call <see cref="Requires.HeadlessChromiumInstalled"/> first.
/// </summary>
internal static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Renders <paramref name="page"/> into a PNG of the given window size and returns the DOM after Chromium parsed and
    /// laid it out, serialised as HTML: one launch does both.
    /// </summary>
    public static Task<string> RenderAsync(string page, string png, int width, int height) =>
        RunAsync($"--screenshot={png}", $"--window-size={width},{height}", "--dump-dom", new Uri(page).AbsoluteUri);

    private static async Task<string> RunAsync(params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("parity-chromium-").FullName;
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     $"--user-data-dir={profile}",
                 }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"Chromium ran past {Timeout.TotalSeconds:F0} s: {string.Join(' ', arguments)}");
        }
        finally
        {
            TryDelete(profile);
        }

        Assert.That(process.ExitCode, Is.Zero, $"Chromium failed ({string.Join(' ', arguments)}):\n{await error}");
        return await output;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Chromium's helpers may still hold a file for a moment; a temp folder left behind is harmless.
        }
    }
}
