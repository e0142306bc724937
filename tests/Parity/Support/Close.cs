using System.Globalization;
using System.Text;
using NUnit.Framework;
using Parity.HandRolled.Model;
using Parity.Harness.Scenarios;

namespace Parity.Tests.Support;

/// <summary>
/// <c>torch.testing.assert_close</c> for sequences of doubles: element i passes when
/// <c>|a − e| ≤ atol + rtol·|e|</c>; a failure says how many elements failed, the first and the worst, then the
/// worst few rows.
/// </summary>
internal static class Close
{
    private const int WorstRowsShown = 5;

    public static void Assert(
        IReadOnlyList<double> actual, IReadOnlyList<double> expected, double rtol, double atol, string what)
    {
        NUnit.Framework.Assert.That(actual, Has.Count.EqualTo(expected.Count), $"{what}: number of values");

        var failures = Enumerable.Range(0, expected.Count)
            .Select(i => Row(i, actual[i], expected[i], rtol, atol))
            .Where(r => !(r.Diff <= r.Allowed)) // NaN fails
            .ToList();
        if (failures.Count == 0)
        {
            return;
        }

        var worst = failures.OrderByDescending(r => double.IsNaN(r.Diff) ? double.PositiveInfinity : r.Diff).ToList();
        var message = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{what} are not close (rtol {rtol:G3}, atol {atol:G3})")
            .AppendLine(CultureInfo.InvariantCulture,
                $"Mismatched elements: {failures.Count} / {expected.Count} ({100.0 * failures.Count / expected.Count:F1}%), "
                + $"first at index {failures[0].Index}")
            .AppendLine(CultureInfo.InvariantCulture,
                $"Greatest absolute difference: {worst[0].Diff:G3} at index {worst[0].Index} "
                + $"(up to {worst[0].Allowed:G3} allowed)");
        foreach (var (index, diff, allowed) in worst.Take(WorstRowsShown))
        {
            message.AppendLine(CultureInfo.InvariantCulture,
                $"  [{index}] actual {actual[index]:R}  expected {expected[index]:R}  |diff| {diff:G3}  "
                + $"allowed {allowed:G3}");
        }

        NUnit.Framework.Assert.Fail(message.ToString());
    }

    /// <summary>Parameters (or gradients) in the contract layout: same names, shapes and order; values close.</summary>
    public static void AssertTensors(
        IReadOnlyList<NamedTensor> actual,
        IReadOnlyList<NamedTensor> expected,
        double rtol,
        double atol,
        string what)
    {
        NUnit.Framework.Assert.That(
            actual.Select(t => t.Name), Is.EqualTo(expected.Select(t => t.Name)), $"{what}: names");
        for (var i = 0; i < expected.Count; i++)
        {
            NUnit.Framework.Assert.That(
                actual[i].Shape, Is.EqualTo(expected[i].Shape), $"{what}: shape of {expected[i].Name}");
            Assert(actual[i].Values, expected[i].Values, rtol, atol, $"{what}: {expected[i].Name}");
        }
    }

    /// <summary>The greatest <c>|a − e| / |e|</c> over the elements where e ≠ 0 (0 when there are none): a figure to report.</summary>
    public static double GreatestRelative(IReadOnlyList<double> actual, IReadOnlyList<double> expected) =>
        actual.Zip(expected).Where(p => p.Second != 0).Select(p => Math.Abs(p.First - p.Second) / Math.Abs(p.Second)).DefaultIfEmpty().Max();

    /// <summary><see cref="GreatestRelative(IReadOnlyList{double}, IReadOnlyList{double})"/> over every parameter (or gradient).</summary>
    public static double GreatestRelative(IReadOnlyList<NamedTensor> actual, IReadOnlyList<NamedTensor> expected) =>
        actual.Zip(expected).Select(p => GreatestRelative(p.First.Values, p.Second.Values)).DefaultIfEmpty().Max();

    private static (int Index, double Diff, double Allowed) Row(
        int index, double actual, double expected, double rtol, double atol) =>
        (index, Math.Abs(actual - expected), new Tolerance(rtol, atol).Allowance(expected));
}
