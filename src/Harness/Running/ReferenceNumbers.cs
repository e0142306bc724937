using System.Globalization;
using Parity.HandRolled.Model;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Running;

/// <summary>
/// One quantity of a reference run — a loss curve, one side's initial parameters, the first steps' gradients or the
/// parameters after them, the final parameters — as labelled numbers, so that a committed copy can be compared with a
/// recomputed one under <see cref="Tolerance.Rounding"/>, whose scale is the quantity's largest magnitude.
/// </summary>
/// <param name="Name">What the numbers are, e.g. <c>final parameters</c>.</param>
/// <param name="Labels">Where each number is, e.g. <c>0.weight[3]</c> or <c>epoch 12</c>.</param>
/// <param name="Values">The numbers.</param>
internal sealed record ReferenceNumbers(string Name, IReadOnlyList<string> Labels, IReadOnlyList<double> Values)
{
    /// <summary>A loss curve, labelled by epoch.</summary>
    public static ReferenceNumbers Curve(string name, IReadOnlyList<double> losses) =>
        new(name, [.. losses.Select((_, e) => Invariant($"epoch {e}"))], losses);

    /// <summary>Parameters (or gradients) in the contract's layout, labelled <c>{name}[{index}]</c>, prefixed.</summary>
    public static ReferenceNumbers Tensors(string name, IEnumerable<(string Prefix, IReadOnlyList<NamedTensor> Tensors)> groups)
    {
        var labels = new List<string>();
        var values = new List<double>();
        foreach (var (prefix, tensors) in groups)
        {
            foreach (var tensor in tensors)
            {
                for (var i = 0; i < tensor.Values.Count; i++)
                {
                    labels.Add(Invariant($"{prefix}{tensor.Name}[{i}]"));
                    values.Add(tensor.Values[i]);
                }
            }
        }

        return new(name, labels, values);
    }

    /// <summary>Parameters in the contract's layout, labelled <c>{name}[{index}]</c>.</summary>
    public static ReferenceNumbers Tensors(string name, IReadOnlyList<NamedTensor> tensors) => Tensors(name, [("", tensors)]);

    /// <summary>
    /// Compares <paramref name="live"/> with this committed quantity: null when every number is bit-identical, else
    /// where they differ most in ulps of the scale, and the first number outside the rule (under <paramref name="exact"/>,
    /// the first that differs at all).
    /// </summary>
    public Difference? Compare(ReferenceNumbers live, DType dtype, bool exact)
    {
        if (live.Values.Count != Values.Count)
        {
            return new Difference(
                this, -1, double.PositiveInfinity, 0, double.PositiveInfinity, Invariant($"{Values.Count} values committed, {live.Values.Count} live"));
        }

        var scale = Tolerance.Scale(Values);
        var rule = exact ? new Tolerance(0, 0) : Tolerance.Rounding(dtype, scale);
        var ulp = Tolerance.Ulp(dtype, scale);
        Difference? greatest = null;
        string? outside = null;
        for (var i = 0; i < Values.Count; i++)
        {
            var (committed, now) = (Values[i], live.Values[i]);
            if (committed.Equals(now))
            {
                continue;
            }

            var difference = double.IsFinite(committed - now) ? Math.Abs(committed - now) : double.PositiveInfinity;
            if (greatest is null || difference > greatest.Absolute)
            {
                greatest = new Difference(this, i, difference, scale, ulp > 0 ? difference / ulp : double.PositiveInfinity, null);
            }

            if (outside is null && !rule.IsClose(now, committed))
            {
                outside = Invariant($"{Labels[i]} is {committed:R} committed, {now:R} live");
            }
        }

        return greatest is null ? null : greatest with { Outside = outside };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>How a live quantity differs from the committed one.</summary>
    /// <param name="Of">The committed quantity.</param>
    /// <param name="Index">Where the difference is greatest (−1: the counts differ).</param>
    /// <param name="Absolute">That difference, |live − committed|.</param>
    /// <param name="Scale">The quantity's largest magnitude.</param>
    /// <param name="Ulps">The difference in ulps of <paramref name="Scale"/>.</param>
    /// <param name="Outside">The first number outside the rule, or null when every number is within it.</param>
    internal sealed record Difference(ReferenceNumbers Of, int Index, double Absolute, double Scale, double Ulps, string? Outside)
    {
        /// <summary>The greatest difference in words: relative to the scale, in ulps of it, and where.</summary>
        public string Greatest =>
            Index < 0
                ? Outside ?? ""
                : Invariant($"{NumberText.Short(Absolute / Scale)} of the largest of the {Of.Name} ({Ulps.ToString(Ulps < 1e6 ? "0.#" : "0.##e0", CultureInfo.InvariantCulture)} ulps) at {Of.Labels[Index]}");
    }
}
