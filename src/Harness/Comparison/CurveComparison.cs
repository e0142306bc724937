using Parity.Harness.Scenarios;

namespace Parity.Harness.Comparison;

/// <summary>
/// Two loss curves compared epoch by epoch as <c>torch.testing.assert_close</c> compares tensors:
/// epoch e matches when <c>|a − e| ≤ atol + rtol·|e|</c>, e being PyTorch's loss.
/// </summary>
/// <param name="Verdict">Parity when every epoch matches.</param>
/// <param name="MaxAbsDiff">Greatest |a − e| over the epochs where both are finite (non-finite epochs are told by
/// <paramref name="FirstMismatchEpoch"/> and the diagnosis).</param>
/// <param name="MaxRelDiff">Greatest |a − e| / |e|.</param>
/// <param name="WorstEpoch">Where |a − e| exceeds its allowance most (or is greatest, under parity).</param>
/// <param name="FirstMismatchEpoch">The first epoch that does not match, or null.</param>
/// <param name="MismatchedCount">How many epochs do not match.</param>
/// <param name="Epochs">How many epochs were compared.</param>
/// <param name="Tolerance">The tolerance applied.</param>
public sealed record CurveComparison(
    Verdict Verdict,
    double MaxAbsDiff,
    double MaxRelDiff,
    int WorstEpoch,
    int? FirstMismatchEpoch,
    int MismatchedCount,
    int Epochs,
    Tolerance Tolerance)
{
    /// <summary>Compares the hand-rolled curve <paramref name="actual"/> with PyTorch's <paramref name="expected"/>.</summary>
    public static CurveComparison Compare(IReadOnlyList<double> actual, IReadOnlyList<double> expected, Tolerance tolerance)
    {
        if (actual.Count != expected.Count)
        {
            throw new ArgumentException(
                $"The curves have {actual.Count} and {expected.Count} epochs; they must have one loss per epoch each.");
        }

        double maxAbs = 0, maxRel = 0, worstScore = -1;
        int worst = 0, mismatched = 0;
        int? first = null;
        for (var e = 0; e < expected.Count; e++)
        {
            // Training that blew up proves nothing about agreement: a NaN or infinity never matches, not even itself.
            var close = double.IsFinite(actual[e]) && double.IsFinite(expected[e]) && tolerance.IsClose(actual[e], expected[e]);
            if (!close)
            {
                mismatched++;
                first ??= e;
            }

            var abs = Math.Abs(actual[e] - expected[e]);
            var allowance = tolerance.Allowance(expected[e]);
            if (double.IsFinite(abs))
            {
                maxAbs = Math.Max(maxAbs, abs);
                maxRel = Math.Max(maxRel, abs == 0 ? 0 : abs / Math.Abs(expected[e]));
            }

            // How far past its allowance each epoch is; a NaN or infinity is worst of all.
            var score = close ? (abs == 0 ? 0 : abs / allowance)
                : double.IsFinite(abs) && allowance > 0 ? abs / allowance : double.PositiveInfinity;
            if (score > worstScore)
            {
                (worstScore, worst) = (score, e);
            }
        }

        return new CurveComparison(
            mismatched == 0 ? Verdict.Parity : Verdict.Mismatch, maxAbs, maxRel, worst, first, mismatched, expected.Count, tolerance);
    }
}
