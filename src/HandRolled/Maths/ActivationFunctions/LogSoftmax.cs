using System.Numerics;

namespace Parity.HandRolled.Maths.ActivationFunctions;

/// <summary>
/// <c>nn.LogSoftmax(dim=1)</c> over each row of (rows, columns) column-major values, as PyTorch's CPU kernel:
/// z − max − log Σ e^(z − max). Cross-entropy is this followed by NLL, so it reads its log-probabilities from here too.
/// </summary>
internal static class LogSoftmax
{
    /// <summary>a = log-softmax(z), row by row; z, a: (rows, columns).</summary>
    public static void Forward<T>(ReadOnlySpan<T> z, Span<T> a, int rows)
        where T : struct, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < rows; i++)
        {
            var (max, logSum) = Shift(z, i, rows);
            for (var j = i; j < z.Length; j += rows)
            {
                a[j] = Of(z[j], max, logSum);
            }
        }
    }

    /// <summary>delta ← delta − e^a·Σ_j delta_j in each row: from ∂loss/∂a to ∂loss/∂z, as PyTorch's log-softmax backward.</summary>
    public static void Backward<T>(Span<T> delta, ReadOnlySpan<T> a, int rows)
        where T : struct, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < rows; i++)
        {
            var sum = T.Zero;
            for (var j = i; j < delta.Length; j += rows)
            {
                sum += delta[j];
            }

            for (var j = i; j < delta.Length; j += rows)
            {
                delta[j] -= Exponential.Exp(a[j]) * sum;
            }
        }
    }

    /// <summary>Row <paramref name="row"/>'s max and log Σ_j e^(z_j − max).</summary>
    public static (T Max, T LogSum) Shift<T>(ReadOnlySpan<T> z, int row, int rows)
        where T : struct, IFloatingPointIeee754<T>
    {
        var max = Softmax.RowMax(z, row, rows);
        var sum = T.Zero;
        for (var j = row; j < z.Length; j += rows)
        {
            sum += Exponential.Exp(z[j] - max);
        }

        return (max, T.Log(sum));
    }

    /// <summary>One log-probability from its logit and its row's <see cref="Shift{T}"/>.</summary>
    public static T Of<T>(T z, T max, T logSum)
        where T : struct, IFloatingPointIeee754<T> => z - max - logSum;
}
