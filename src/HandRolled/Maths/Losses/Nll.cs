using System.Numerics;

namespace Parity.HandRolled.Maths.Losses;

/// <summary>
/// <c>nn.NLLLoss()</c>: p (rows, classes) are log-probabilities, t (rows, 1) class indices; the loss is −Σ_i p[i, t_i]
/// / rows, its gradient −1/rows at each row's class and 0 elsewhere, as PyTorch's nll_loss backward.
/// </summary>
internal static class Nll
{
    /// <summary>The mean over the rows of −p[i, t_i].</summary>
    public static T Value<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> t, int rows)
        where T : struct, IFloatingPointIeee754<T>
    {
        var sum = T.Zero;
        for (var i = 0; i < rows; i++)
        {
            sum -= p[ClassIndex.At(t, i, rows)];
        }

        return sum / T.CreateChecked(rows);
    }

    /// <summary>∂loss/∂p: −1/rows at (i, t_i), 0 elsewhere.</summary>
    public static void Gradient<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> t, Span<T> gradient, int rows)
        where T : struct, IFloatingPointIeee754<T>
    {
        gradient[..p.Length].Clear();
        var weight = -(T.One / T.CreateChecked(rows));
        for (var i = 0; i < rows; i++)
        {
            gradient[ClassIndex.At(t, i, rows)] = weight;
        }
    }
}
