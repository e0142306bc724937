using Parity.Common;
using Parity.Harness.Output;
using Parity.Harness.Plots;
using Parity.Harness.Running;

namespace Parity.Cli.Commands;

/// <summary>The files <c>run</c> and <c>verify</c> leave behind: the curves as CSV and as an SVG plot.</summary>
internal static class Artifacts
{
    /// <summary>
    /// Writes the curves to <paramref name="folder"/> (default <c>out/&lt;scenario&gt;</c>), prints the verdict as JSON
    /// or as a table, and returns the exit code: 0 parity, 1 mismatch.
    /// </summary>
    public static async Task<int> ConcludeAsync(Terminal terminal, ScenarioResult result, string? folder, bool json)
    {
        var written = Write(folder ?? Path.Combine("out", result.Scenario.Name), result);
        if (json)
        {
            await terminal.Out.WriteLineAsync(VerdictJson.Text(VerdictJson.Of(result))).ConfigureAwait(false);
        }
        else
        {
            VerdictTable.Show(terminal, result, written);
        }

        return result.Verdict == Harness.Scenarios.Verdict.Parity ? ExitCodes.Ok : ExitCodes.Mismatch;
    }

    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> Write(string folder, ScenarioResult result)
    {
        Directory.CreateDirectory(folder);
        var csv = Path.Combine(folder, "curves.csv");
        var svg = Path.Combine(folder, "curves.svg");
        AtomicFile.Write(csv, CurveCsv.Text(result));
        AtomicFile.Write(svg, CurvePlot.Render(CurvePlotInput.Of(result)));
        return [csv, svg];
    }
}
