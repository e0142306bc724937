namespace Parity.Harness.Scenarios;

/// <summary>Closeness as <c>torch.testing.assert_close</c>: <c>|a − e| ≤ Atol + Rtol·|e|</c>, e being PyTorch's.</summary>
public sealed record Tolerance(double Rtol, double Atol)
{
    /// <summary>Whether <paramref name="actual"/> is close to <paramref name="expected"/>; NaN is close only to NaN.</summary>
    public bool IsClose(double actual, double expected) =>
        double.IsNaN(actual) || double.IsNaN(expected)
            ? double.IsNaN(actual) && double.IsNaN(expected)
            : actual == expected || Math.Abs(actual - expected) <= Atol + (Rtol * Math.Abs(expected));
}
