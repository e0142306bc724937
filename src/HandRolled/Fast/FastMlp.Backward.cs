using Parity.HandRolled.Maths;
using Parity.HandRolled.Model;

namespace Parity.HandRolled.Fast;

internal sealed partial class FastMlp<T>
{
    /// <summary>
    /// The readable backward pass into the gradient buffers: <c>delta_L = ∂loss/∂layer_L ∘ f'_L</c> (the row's
    /// vector-Jacobian product for softmax and log-softmax), <c>dW_l = layer_{l−1}ᵀ · delta_l</c>,
    /// <c>db_l = Σ_rows delta_l</c>, <c>delta_{l−1} = (delta_l · W_lᵀ) ∘ f'_{l−1}</c>.
    /// </summary>
    public void Backward(T[] targets, Loss loss)
    {
        LossFunctions.Gradient(loss, Layers[depth], targets, Deltas[depth], Batch);
        Activations.Backward(Network.Activations[depth - 1], Deltas[depth], Z[depth], Layers[depth], Batch);
        for (var l = depth; l >= 1; l--)
        {
            int fanIn = widths[l - 1], fanOut = widths[l];
            Multiply(true, false, Layers[l - 1], Batch, fanIn, Deltas[l], Batch, fanOut, weightGradients[l - 1]);
            ColumnSums(Deltas[l], fanOut, biasGradients[l - 1]);
            if (l > 1)
            {
                Multiply(false, true, Deltas[l], Batch, fanOut, weights[l - 1], fanIn, fanOut, Deltas[l - 1]);
                Activations.Backward(Network.Activations[l - 2], Deltas[l - 1], Z[l - 1], Layers[l - 1], Batch);
            }
        }
    }

    // Each column summed from its first row down, as MathNet does; four columns at a time so that four independent
    // sums share the adder instead of each waiting for its previous add. The order within a column is unchanged.
    private void ColumnSums(T[] values, int columns, T[] sums)
    {
        var j = 0;
        for (; j <= columns - 4; j += 4)
        {
            var first = values.AsSpan(j * Batch, Batch);
            var second = values.AsSpan((j + 1) * Batch, Batch);
            var third = values.AsSpan((j + 2) * Batch, Batch);
            var fourth = values.AsSpan((j + 3) * Batch, Batch);
            T s0 = T.Zero, s1 = T.Zero, s2 = T.Zero, s3 = T.Zero;
            for (var i = 0; i < Batch; i++)
            {
                s0 += first[i];
                s1 += second[i];
                s2 += third[i];
                s3 += fourth[i];
            }

            (sums[j], sums[j + 1], sums[j + 2], sums[j + 3]) = (s0, s1, s2, s3);
        }

        for (; j < columns; j++)
        {
            var sum = T.Zero;
            foreach (var v in values.AsSpan(j * Batch, Batch))
            {
                sum += v;
            }

            sums[j] = sum;
        }
    }
}
