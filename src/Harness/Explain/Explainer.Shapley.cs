namespace Parity.Harness.Explain;

public sealed partial class Explainer
{
    /// <summary>
    /// The Shapley share of difference <paramref name="i"/>: Σ over the sets S without it of
    /// |S|!(d − |S| − 1)!/d! · (distance(S) − distance(S ∪ {i})), divided by distance(∅). Every subset is measured
    /// already, so this is exact, not sampled.
    /// </summary>
    private static double Shapley(Combination[] byMask, int i, int d)
    {
        var unaligned = byMask[0].Distance;
        if (unaligned == 0 || !double.IsFinite(unaligned))
        {
            return 0;
        }

        var total = 0.0;
        for (var mask = 0; mask < byMask.Length; mask++)
        {
            if ((mask & (1 << i)) != 0)
            {
                continue;
            }

            var size = System.Numerics.BitOperations.PopCount((uint)mask);
            var weight = Factorial(size) * Factorial(d - size - 1) / Factorial(d);
            var removed = byMask[mask].Distance - byMask[mask | (1 << i)].Distance;
            total += weight * (double.IsNaN(removed) ? 0 : removed);
        }

        return total / unaligned;
    }

    /// <summary>(distance(all but <paramref name="i"/>) − distance(all)) ÷ the baseline distance.</summary>
    private static double LastRemoved(Combination[] byMask, int i, double baseline)
    {
        var all = byMask.Length - 1;
        var removed = byMask[all & ~(1 << i)].Distance - byMask[all].Distance;
        return baseline == 0 || double.IsNaN(removed) ? 0 : removed / baseline;
    }

    private static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
}
