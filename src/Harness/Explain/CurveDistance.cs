namespace Parity.Harness.Explain;

/// <summary>
/// How far apart two loss curves are, as one number: the mean over epochs of |log10 a − log10 e|, in decades.
/// Loss curves span orders of magnitude (XOR falls from 0.25 to 1e-3), so an absolute difference would weigh only
/// the first epochs and a maximum only one epoch; the mean log ratio weighs every epoch alike, is symmetric, and is
/// 0 exactly when the curves are identical. A NaN, an infinity or a non-positive loss on one side only makes the
/// distance infinite: that pair of curves cannot be put on a log scale and is as far apart as curves get.
/// </summary>
public static class CurveDistance
{
    /// <summary>What the distance is, for output.</summary>
    public const string Definition = "mean |log10 hand-rolled loss − log10 PyTorch loss| over the epochs, in decades";

    /// <summary>The distance between the hand-rolled curve <paramref name="hand"/> and PyTorch's <paramref name="torch"/>.</summary>
    public static double Between(IReadOnlyList<double> hand, IReadOnlyList<double> torch)
    {
        if (hand.Count != torch.Count || hand.Count == 0)
        {
            throw new ArgumentException($"The curves have {hand.Count} and {torch.Count} epochs; they must have the same, at least one.");
        }

        var sum = 0.0;
        for (var e = 0; e < hand.Count; e++)
        {
            if (hand[e].Equals(torch[e]))
            {
                continue;
            }

            if (!(double.IsFinite(hand[e]) && double.IsFinite(torch[e]) && hand[e] > 0 && torch[e] > 0))
            {
                return double.PositiveInfinity;
            }

            sum += Math.Abs(Math.Log10(hand[e]) - Math.Log10(torch[e]));
        }

        return sum / hand.Count;
    }

    /// <summary>The fraction of <paramref name="baseline"/> that going down to <paramref name="distance"/> removes (negative: added).</summary>
    public static double Removed(double baseline, double distance) =>
        baseline == 0 ? 0 : double.IsPositiveInfinity(baseline) ? (double.IsPositiveInfinity(distance) ? 0 : 1) : (baseline - distance) / baseline;
}
