using System.Globalization;
using System.Text;
using Parity.HandRolled.Model;
using Parity.Harness.Running;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Output;

/// <summary>
/// The verdict as a person reads it, in the style of <c>torch.testing.assert_close</c>: a summary, the diagnosis,
/// then the worst few epochs — never thousands. Failing tests, <c>parity run</c> and the snapshots' .txt use it.
/// </summary>
public static class Summary
{
    private const int WorstRows = 5;

    /// <summary>The summary text, ending with a newline.</summary>
    public static string Text(ScenarioResult result)
    {
        var s = result.Scenario;
        var c = result.Curve;
        var t = c.Tolerance;
        var text = new StringBuilder();
        var close = c.Verdict == Verdict.Parity ? "close" : "not close";
        Line(text, $"Loss curves are {close} ({s.Name}, rtol {NumberText.Short(t.Rtol)}, atol {NumberText.Short(t.Atol)})");
        Line(text, $"Hand-rolled: {s.HandRolled.Loss.Name()} lr {s.HandRolled.LearningRate:G6}{ScenarioSchedules.Suffix(s.HandRolled.Schedule)} {s.HandRolled.DType.Name()} {s.HandRolled.Batch.Name()}; PyTorch: {s.Torch.Loss.Name()} lr {s.Torch.LearningRate:G6}{ScenarioSchedules.Suffix(s.Torch.Schedule)} {s.Torch.DType.Name()} {s.Torch.Batch.Name()}");
        if (c.MismatchedCount > 0)
        {
            Line(text, $"Mismatched epochs: {c.MismatchedCount} / {c.Epochs} ({100.0 * c.MismatchedCount / c.Epochs:F1}%), first at epoch {c.FirstMismatchEpoch}");
        }

        // Under parity the worst epoch is rounding noise that moves between machines: only a mismatch names it.
        var worstEpoch = c.MismatchedCount > 0 ? $" at epoch {c.WorstEpoch}" : "";
        Line(text, $"Greatest absolute difference: {NumberText.Short(c.MaxAbsDiff)}{worstEpoch}; greatest relative difference: {NumberText.Short(c.MaxRelDiff)} (up to {NumberText.Short(t.Atol)} + {NumberText.Short(t.Rtol)}·|torch| allowed)");
        Line(text, $"Diagnosis: {result.Diagnosis.KindName} — {result.Diagnosis.Detail}");
        if (c.MismatchedCount > 0)
        {
            Line(text, $"{"epoch",8} {"hand-rolled",24} {"PyTorch",24} {"difference",12}");
            var hand = result.HandRolled.Losses;
            var torch = result.Reference.Torch.Losses;
            var worst = Enumerable.Range(0, torch.Count)
                .Where(e => !t.IsClose(hand[e], torch[e]))
                .OrderByDescending(e => double.IsFinite(hand[e] - torch[e]) ? Math.Abs(hand[e] - torch[e]) : double.PositiveInfinity)
                .ThenBy(e => e)
                .Take(WorstRows);
            foreach (var e in worst)
            {
                Line(text, $"{e,8} {hand[e],24:R} {torch[e],24:R} {NumberText.Short(hand[e] - torch[e]),12}");
            }
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, FormattableString line) =>
        text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
