using NUnit.Framework;
using Parity.HandRolled.Model;

namespace Parity.Tests.TestSupport;

/// <summary>Assertions in the style of <c>torch.testing.assert_close</c>: |a − e| ≤ atol + rtol·|e|.</summary>
internal static class Close
{
    public static void Assert(IReadOnlyList<double> actual, IReadOnlyList<double> expected, double rtol, double atol, string what)
    {
        NUnit.Framework.Assert.That(actual, Has.Count.EqualTo(expected.Count), $"{what}: length");
        var worst = -1;
        var worstExcess = 0.0;
        var mismatched = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            var allowed = atol + (rtol * Math.Abs(expected[i]));
            var diff = Math.Abs(actual[i] - expected[i]);
            if (!(diff <= allowed))
            {
                mismatched++;
                if (worst < 0 || diff / allowed > worstExcess)
                {
                    (worst, worstExcess) = (i, diff / allowed);
                }
            }
        }

        if (mismatched > 0)
        {
            NUnit.Framework.Assert.Fail(
                $"{what} are not close (rtol {rtol:G3}, atol {atol:G3}): {mismatched} / {expected.Count} mismatched; "
                + $"worst at [{worst}]: {actual[worst]:R} vs {expected[worst]:R}, {worstExcess:G3} × the allowance");
        }
    }

    public static void Assert(IReadOnlyList<NamedTensor> actual, IReadOnlyList<NamedTensor> expected, double rtol, double atol, string what)
    {
        NUnit.Framework.Assert.That(actual.Select(t => t.Name), Is.EqualTo(expected.Select(t => t.Name)), $"{what}: names");
        for (var i = 0; i < expected.Count; i++)
        {
            NUnit.Framework.Assert.That(actual[i].Shape, Is.EqualTo(expected[i].Shape), $"{what}: {expected[i].Name} shape");
            Assert(actual[i].Values, expected[i].Values, rtol, atol, $"{what}: {expected[i].Name}");
        }
    }
}
