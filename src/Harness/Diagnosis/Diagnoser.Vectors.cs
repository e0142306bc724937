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

    /// <summary>Norm-wise closeness: every |a − e| within <paramref name="tolerance"/> of the expected vector's largest magnitude.</summary>
    private static bool Close(IReadOnlyList<double> actual, IReadOnlyList<double> expected, double tolerance)
    {
        var rule = new Scenarios.Tolerance(0, tolerance * Scenarios.Tolerance.Scale(expected));
        return actual.Zip(expected).All(p => rule.IsClose(p.First, p.Second));
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
