using static TorchSharp.torch;

namespace Parity.Tests.Support;

/// <summary>
/// One float64 operation of the hand-rolled maths against libtorch's (TorchSharp), and the values between them: the
/// engines store (rows, columns) column-major, libtorch row-major.
/// </summary>
internal static class LibtorchOps
{
    /// <summary>
    /// The same formulas on both sides; libtorch's exp, tanh, log and log1p are its own (vectorised, Sleef) where the
    /// engines call the C library's, each ≤ 1 ulp from exact, and it sums in its own order. 1e-14 (~45 ulps) allows a
    /// sum over a row of such terms and is 1e-12 below any wrong constant or term.
    /// </summary>
    public const double Rtol = 1e-14;

    /// <summary>For entries that cancel to ~0 (a gradient summed over a row), where a relative bound means nothing.</summary>
    public const double Atol = 1e-17;

    /// <summary>(rows, columns) column-major values as a row-major float64 tensor.</summary>
    public static Tensor FromColumnMajor(double[] values, int rows) =>
        tensor(values, [values.Length / rows, rows], ScalarType.Float64).t().contiguous();

    /// <summary>A (rows, columns) tensor's values, column-major.</summary>
    public static double[] ToColumnMajor(Tensor t) => t.detach().t().contiguous().data<double>().ToArray();
}
