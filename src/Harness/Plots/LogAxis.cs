using System.Globalization;

namespace Parity.Harness.Plots;

/// <summary>
/// A base-10 logarithmic y axis over whole decades: <c>10^Low</c> at <c>bottom</c>, <c>10^High</c> at <c>top</c>.
/// Decade labels are thinned so that they never sit closer than <see cref="MinLabelSpacing"/> pixels.
/// </summary>
internal sealed class LogAxis
{
    /// <summary>Pixels between two labelled decades, at least: an 11 px label and some air.</summary>
    public const double MinLabelSpacing = 18;

    // Beyond this many decades, unlabelled decades get no tick: they would blur into a solid bar.
    private const int MaxMinorDecades = 40;

    private readonly int labelStep;

    private LogAxis(int low, int high, double top, double bottom)
    {
        (Low, High, Top, Bottom) = (low, high, top, bottom);
        labelStep = Math.Max(1, (int)Math.Ceiling((high - low) * MinLabelSpacing / (bottom - top)));
    }

    /// <summary>The lowest decade's exponent.</summary>
    public int Low { get; }

    /// <summary>The highest decade's exponent; always above <see cref="Low"/>.</summary>
    public int High { get; }

    public double Top { get; }

    public double Bottom { get; }

    /// <summary>
    /// The whole decades that enclose every positive, finite value in <paramref name="values"/>
    /// (the others cannot be drawn on a log scale); 1e-1 to 1e0 when there are none.
    /// </summary>
    public static LogAxis Spanning(IEnumerable<double> values, double top, double bottom)
    {
        var (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
        foreach (var value in values.Where(IsDrawable))
        {
            (min, max) = (Math.Min(min, value), Math.Max(max, value));
        }

        if (double.IsPositiveInfinity(min))
        {
            return new LogAxis(-1, 0, top, bottom);
        }

        var low = (int)Math.Floor(Math.Log10(min));
        var high = (int)Math.Ceiling(Math.Log10(max));
        return new LogAxis(low, Math.Max(high, low + 1), top, bottom);
    }

    /// <summary>Whether a value has a place on a log scale: positive and finite.</summary>
    public static bool IsDrawable(double value) => value > 0 && double.IsFinite(value);

    /// <summary>Pixel y of a drawable value (see <see cref="IsDrawable"/>), clamped to the axis.</summary>
    public double Map(double value)
    {
        var fraction = (Math.Log10(value) - Low) / (High - Low);
        return Bottom - (Math.Clamp(fraction, 0, 1) * (Bottom - Top));
    }

    /// <summary>Every decade with whether it is labelled, bottom up; unlabelled ones only on modest ranges.</summary>
    public IEnumerable<(int Decade, bool Labelled)> DecadeTicks()
    {
        for (var decade = Low; decade <= High; decade++)
        {
            var labelled = decade % labelStep == 0;
            if (labelled || High - Low <= MaxMinorDecades)
            {
                yield return (decade, labelled);
            }
        }
    }

    /// <summary>The values 2·10^k … 9·10^k between decades, when the axis spans few enough decades to show them.</summary>
    public IEnumerable<double> SubDecadeTicks()
    {
        if ((Bottom - Top) / (High - Low) < 60)
        {
            yield break;
        }

        for (var decade = Low; decade < High; decade++)
        {
            for (var mantissa = 2; mantissa <= 9; mantissa++)
            {
                yield return mantissa * Math.Pow(10, decade);
            }
        }
    }

    /// <summary>A decade's label: <c>1e-3</c>, <c>1e0</c>, <c>1e2</c>.</summary>
    public static string Label(int decade) => "1e" + decade.ToString(CultureInfo.InvariantCulture);

    /// <summary>Pixel y of a decade.</summary>
    public double MapDecade(int decade) => Bottom - ((decade - Low) / (double)(High - Low) * (Bottom - Top));
}
