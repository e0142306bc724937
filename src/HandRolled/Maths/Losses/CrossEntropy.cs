using System.Numerics;
using Parity.HandRolled.Maths.ActivationFunctions;

namespace Parity.HandRolled.Maths.Losses;

/// <summary>
/// <c>nn.CrossEntropyLoss()</c>: p (rows, classes) are logits, t (rows, 1) class indices. PyTorch computes it as NLL of
/// the log-softmax, and so does this: the loss is the mean over the rows of −log-softmax(p)[i, t_i], and the gradient
/// log-softmax's backward of NLL's, g_j − e^(log-softmax_j)·Σ_k g_k with g = −1/rows at the class: (softmax − one-hot)/rows.
/// </summary>
internal static class CrossEntropy
{
    /// <summary>The mean over the rows of −log-softmax(p)[i, t_i].</summary>
    public static T Value<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> t, int rows)
        where T : struct, IFloatingPointIeee754<T>
    {
        var sum = T.Zero;
        for (var i = 0; i < rows; i++)
        {
            var (max, logSum) = LogSoftmax.Shift(p, i, rows);
            sum -= LogSoftmax.Of(p[ClassIndex.At(t, i, rows)], max, logSum);
        }

        return sum / T.CreateChecked(rows);
    }

    /// <summary>∂loss/∂p, row by row.</summary>
    public static void Gradient<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> t, Span<T> gradient, int rows)
        where T : struct, IFloatingPointIeee754<T>
    {
        // NLL's gradient is −w at the class, 0 elsewhere, so its row sum is −w exactly.
        var w = T.One / T.CreateChecked(rows);
        for (var i = 0; i < rows; i++)
        {
            var (max, logSum) = LogSoftmax.Shift(p, i, rows);
            var target = ClassIndex.At(t, i, rows);
            for (var j = i; j < p.Length; j += rows)
            {
                var nll = j == target ? -w : T.Zero;
                gradient[j] = nll - (Exponential.Exp(LogSoftmax.Of(p[j], max, logSum)) * -w);
            }
        }
    }
}
