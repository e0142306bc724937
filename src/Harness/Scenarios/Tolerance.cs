using Parity.HandRolled.Model;

namespace Parity.Harness.Scenarios;

/// <summary>Closeness as <c>torch.testing.assert_close</c>: <c>|a − e| ≤ Atol + Rtol·|e|</c>, e being PyTorch's.</summary>
public sealed record Tolerance(double Rtol, double Atol)
{
    /// <summary>
    /// The default when both sides compute in float64: the seed's aligned float64 curves agree to 4e-15 relative
    /// over 5000 epochs, so 1e-10 leaves five orders of margin and still catches any real difference.
    /// </summary>
    public static Tolerance Float64 { get; } = new(1e-10, 1e-12);

    /// <summary>
    /// The default when either side computes in float32: the seed's float64-vs-float32 curves agree to 3.5e-6
    /// relative, float32's epsilon being 1.2e-7.
    /// </summary>
    public static Tolerance Float32 { get; } = new(1e-4, 1e-7);

    /// <summary><see cref="Float64"/> when both sides are float64, else <see cref="Float32"/>.</summary>
    public static Tolerance DefaultFor(DType handRolled, DType torch) =>
        handRolled == DType.Float64 && torch == DType.Float64 ? Float64 : Float32;

    /// <summary>How far a value may lie from <paramref name="expected"/> and still be close: <c>Atol + Rtol·|e|</c>.</summary>
    public double Allowance(double expected) => Atol + (Rtol * Math.Abs(expected));

    /// <summary>
    /// Whether <paramref name="actual"/> is close to <paramref name="expected"/>. A NaN or infinity is close only to
    /// itself: an infinite expected value would otherwise make the allowance infinite too.
    /// </summary>
    public bool IsClose(double actual, double expected) =>
        !double.IsFinite(actual) || !double.IsFinite(expected)
            ? actual.Equals(expected)
            : Math.Abs(actual - expected) <= Allowance(expected);
}
