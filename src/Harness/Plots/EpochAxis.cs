using System.Globalization;

namespace Parity.Harness.Plots;

/// <summary>The shared, linear x axis: epoch 0 at <c>left</c>, the last epoch at <c>right</c>.</summary>
internal sealed class EpochAxis
{
    private const int TargetTickCount = 10;
    private readonly double left;
    private readonly double right;
    private readonly int lastEpoch;

    /// <param name="epochs">How many epochs there are; with fewer than two the axis still spans 0 to 1.</param>
    /// <param name="left">Pixel x of epoch 0.</param>
    /// <param name="right">Pixel x of the last epoch.</param>
    public EpochAxis(int epochs, double left, double right)
    {
        (this.left, this.right) = (left, right);
        lastEpoch = Math.Max(1, epochs - 1);
    }

    /// <summary>Pixel x of an epoch.</summary>
    public double Map(double epoch) => left + (epoch / lastEpoch * (right - left));

    /// <summary>Epochs at a 1-2-5 step, about ten across the axis, starting at 0.</summary>
    public IEnumerable<int> Ticks()
    {
        var step = NiceStep(lastEpoch / (double)TargetTickCount);
        for (long epoch = 0; epoch <= lastEpoch; epoch += step)
        {
            yield return (int)epoch;
        }
    }

    public static string Label(int epoch) => epoch.ToString(CultureInfo.InvariantCulture);

    private static long NiceStep(double raw)
    {
        if (raw <= 1)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalised = raw / magnitude;
        var factor = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10;
        return (long)(factor * magnitude);
    }
}
