using Parity.Harness.Output;
using Parity.Harness.Plots;
using Parity.Harness.Running;

namespace Parity.Cli.Commands;

/// <summary>The files <c>run</c> and <c>verify</c> leave behind: the curves as CSV and as an SVG plot.</summary>
internal static class Artifacts
{
    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> Write(string folder, ScenarioResult result)
    {
        Directory.CreateDirectory(folder);
        var csv = Path.Combine(folder, "curves.csv");
        var svg = Path.Combine(folder, "curves.svg");
        WriteAtomically(csv, CurveCsv.Text(result));
        WriteAtomically(svg, CurvePlot.Render(new CurvePlotInput(
            $"{result.Scenario.Name} — {result.Verdict.ToString().ToLowerInvariant()}",
            result.HandRolled.Losses,
            result.Reference.Torch.Losses,
            result.Curve.Tolerance.Rtol,
            result.Curve.Tolerance.Atol,
            result.Curve.FirstMismatchEpoch)));
        return [csv, svg];
    }

    private static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
