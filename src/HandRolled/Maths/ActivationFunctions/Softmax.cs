using System.Numerics;

namespace Parity.HandRolled.Maths.ActivationFunctions;

/// <summary>
/// <c>nn.Softmax(dim=1)</c> over each row of (rows, columns) values stored column-major (row i's values at i, i + rows,
/// …), as PyTorch's CPU kernel computes it: e^(z − max z), then times 1/Σ. Not element-wise: its Jacobian couples the
/// row, so backpropagation is the vector-Jacobian product.
/// </summary>
internal static class Softmax
{
    /// <summary>a = softmax(z), row by row; z, a: (rows, columns).</summary>
    public static void Forward<T>(ReadOnlySpan<T> z, Span<T> a, int rows)
        where T : struct, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < rows; i++)
        {
            var max = RowMax(z, i, rows);
            var sum = T.Zero;
            for (var j = i; j < z.Length; j += rows)
            {
                a[j] = Exponential.Exp(z[j] - max);
                sum += a[j];
            }

            var reciprocal = T.One / sum;
            for (var j = i; j < z.Length; j += rows)
            {
                a[j] *= reciprocal;
            }
        }
    }

    /// <summary>
    /// delta ← a ∘ (delta − Σ_j delta_j·a_j) in each row: from ∂loss/∂a to ∂loss/∂z, as PyTorch's softmax backward.
    /// </summary>
    public static void Backward<T>(Span<T> delta, ReadOnlySpan<T> a, int rows)
        where T : struct, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < rows; i++)
        {
            var dot = T.Zero;
            for (var j = i; j < delta.Length; j += rows)
            {
                dot += delta[j] * a[j];
            }

            for (var j = i; j < delta.Length; j += rows)
            {
                delta[j] = a[j] * (delta[j] - dot);
            }
        }
    }

    /// <summary>The greatest value of row <paramref name="row"/>, NaN when any is (as PyTorch's maximum).</summary>
    public static T RowMax<T>(ReadOnlySpan<T> z, int row, int rows)
        where T : struct, IFloatingPointIeee754<T>
    {
        var max = T.NegativeInfinity;
        for (var j = row; j < z.Length; j += rows)
        {
            max = T.Max(max, z[j]);
        }

        return max;
    }
}
