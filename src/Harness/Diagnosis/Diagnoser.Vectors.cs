using Parity.HandRolled.Model;

namespace Parity.Harness.Diagnosis;

public sealed partial class Diagnoser
{
    private static double[] Flat(IReadOnlyList<NamedTensor> tensors) => [.. tensors.SelectMany(t => t.Values)];

    private static IReadOnlyList<double> Values(IReadOnlyList<NamedTensor> tensors, string name) =>
        tensors.First(t => t.Name == name).Values;

    private static IReadOnlyList<NamedTensor> Minus(IReadOnlyList<NamedTensor> after, IReadOnlyList<NamedTensor> before) =>
        [.. after.Zip(before, (a, b) => a with { Values = a.Values.Zip(b.Values, (x, y) => x - y).ToArray() })];

    private bool Close(IReadOnlyList<double> actual, IReadOnlyList<double> expected) => Close(actual, expected, StepTolerance);

    /// <summary>Norm-wise closeness: max|a − e| ≤ tolerance · max|e| (exact equality when both are zero).</summary>
    private static bool Close(IReadOnlyList<double> actual, IReadOnlyList<double> expected, double tolerance)
    {
        double diff = 0, scale = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            diff = Math.Max(diff, Math.Abs(actual[i] - expected[i]));
            scale = Math.Max(scale, Math.Abs(expected[i]));
        }

        return diff <= tolerance * scale || diff == 0;
    }

    /// <summary>
    /// The c with <c>torch ≈ c · hand</c> (least squares), or NaN when the two are not one vector scaled:
    /// the residual must be within the step tolerance of the reference update's size.
    /// </summary>
    private double ConstantFactor(IReadOnlyList<double> hand, IReadOnlyList<double> torch)
    {
        double dot = 0, norm = 0;
        for (var i = 0; i < hand.Count; i++)
        {
            dot += hand[i] * torch[i];
            norm += hand[i] * hand[i];
        }

        if (norm == 0)
        {
            return double.NaN;
        }

        var c = dot / norm;
        var scaled = hand.Select(h => c * h).ToArray();
        return c > 0 && Close(scaled, torch) ? c : double.NaN;
    }
}
