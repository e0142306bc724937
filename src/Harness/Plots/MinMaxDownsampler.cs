namespace Parity.Harness.Plots;

/// <summary>
/// Thins a polyline for drawing: splits the x range into equal buckets (about a pixel or two each) and keeps, per
/// bucket, only its highest and lowest point, in their original order. Unlike taking every k-th point, a one-epoch
/// spike survives.
/// </summary>
internal static class MinMaxDownsampler
{
    /// <param name="points">The polyline, ordered by x.</param>
    /// <param name="left">The x where the first bucket starts.</param>
    /// <param name="right">The x where the last bucket ends.</param>
    /// <param name="buckets">How many buckets; the result has at most twice as many points.</param>
    public static IReadOnlyList<PlotPoint> Reduce(IReadOnlyList<PlotPoint> points, double left, double right, int buckets)
    {
        if (points.Count <= 2 * buckets)
        {
            return points;
        }

        var width = (right - left) / buckets;
        int BucketOf(PlotPoint point) => Math.Clamp((int)Math.Floor((point.X - left) / width), 0, buckets - 1);

        var kept = new List<PlotPoint>(2 * buckets);
        var start = 0;
        while (start < points.Count)
        {
            var bucket = BucketOf(points[start]);
            var (highest, lowest) = (start, start);
            var end = start + 1;
            for (; end < points.Count && BucketOf(points[end]) == bucket; end++)
            {
                highest = points[end].Y < points[highest].Y ? end : highest;
                lowest = points[end].Y > points[lowest].Y ? end : lowest;
            }

            kept.Add(points[Math.Min(highest, lowest)]);
            if (highest != lowest)
            {
                kept.Add(points[Math.Max(highest, lowest)]);
            }

            start = end;
        }

        return kept;
    }
}
