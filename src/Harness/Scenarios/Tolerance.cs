using Parity.HandRolled.Model;

namespace Parity.Harness.Scenarios;

/// <summary>Closeness as <c>torch.testing.assert_close</c>: <c>|a − e| ≤ Atol + Rtol·|e|</c>, e being the expected value.</summary>
public sealed record Tolerance(double Rtol, double Atol)
{
    /// <summary>
    /// How many units in the last place of a quantity's largest value a recomputed reference number may move: the
    /// width of <see cref="Rounding"/>. Measured over the whole catalogue with every OpenBLAS kernel set an x86-64 machine
    /// can run under the Python worker (<c>OPENBLAS_CORETYPE</c> Prescott to Cooperlake), and with libtorch's AVX2 and
    /// AVX-512 kernels and MKL's reproducible paths under TorchSharp: at most 28 ulps in float64 and 18 in float32
    /// (docs/contracts.md gives the figures). 256 leaves a margin of nine over that, and stays far below every
    /// scenario's own tolerance (float32: 3e-5 of the scale against rtol 1e-4; float64: 6e-14 against 1e-10), so a real
    /// change — a learning rate, a loss, an initialisation — cannot hide in it.
    /// </summary>
    public const int RoundingUlps = 256;

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
    /// Where committed reference numbers meet recomputed ones (a fixture and a live run, a verified snapshot and a
    /// received one): the same computation on another machine. BLAS kernels, CPUs and libms change the order of
    /// additions, so the last bits move — by an amount set by the magnitude of the numbers that were summed, not of
    /// the result (a gradient near zero is a sum of larger terms). So each value may differ by
    /// <see cref="RoundingUlps"/> ulps of <paramref name="scale"/>, the largest magnitude of the quantity it belongs to
    /// (a loss curve, one side's parameters, the first steps' gradients), in the <paramref name="dtype"/> it was
    /// computed in.
    /// </summary>
    public static Tolerance Rounding(DType dtype, double scale) => new(0, RoundingUlps * Ulp(dtype, scale));

    /// <summary>
    /// Where numbers of one PyTorch version meet another's (libtorch 2.10 in TorchSharp against Debian's PyTorch 1.13,
    /// or a fixture made by an older version): versions change kernels and algorithms, not only the order of additions,
    /// so each value may differ by 1e-10 of <paramref name="scale"/> in float64 and 1e-5 in float32 — the limits the two
    /// references are held to over the whole catalogue (measured by CrossCheckTests: losses within 1.1e-14 relative and
    /// final parameters within 2.0e-11 of themselves in float64; 1.9e-6 and 7.7e-6 in float32).
    /// </summary>
    public static Tolerance AcrossVersions(DType dtype, double scale) => new(0, (dtype == DType.Float32 ? 1e-5 : 1e-10) * scale);

    /// <summary>The distance from |<paramref name="x"/>| to the next larger number of <paramref name="dtype"/>.</summary>
    public static double Ulp(DType dtype, double x)
    {
        if (dtype == DType.Float32)
        {
            var f = MathF.Abs((float)x);
            return (double)MathF.BitIncrement(f) - f;
        }

        var d = Math.Abs(x);
        return Math.BitIncrement(d) - d;
    }

    /// <summary>The largest finite magnitude among <paramref name="values"/>, 0 when there is none.</summary>
    public static double Scale(IEnumerable<double> values) =>
        values.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();

    /// <summary>
    /// Whether <paramref name="actual"/> is close to <paramref name="expected"/>. A NaN or infinity is close only to
    /// itself: an infinite expected value would otherwise make the allowance infinite too.
    /// </summary>
    public bool IsClose(double actual, double expected) =>
        !double.IsFinite(actual) || !double.IsFinite(expected)
            ? actual.Equals(expected)
            : Math.Abs(actual - expected) <= Allowance(expected);
}
