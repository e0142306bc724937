using Parity.HandRolled.Model;

namespace Parity.HandRolled.Fast;

internal sealed partial class FastMlp<T>
{
    /// <summary>
    /// The readable backward pass into the gradient buffers: <c>delta_L = ∂loss/∂layer_L ∘ f'_L</c>,
    /// <c>dW_l = layer_{l−1}ᵀ · delta_l</c>, <c>db_l = Σ_rows delta_l</c>, <c>delta_{l−1} = (delta_l · W_lᵀ) ∘ f'_{l−1}</c>.
    /// Returns the logged loss of the forward pass, mean((p − t)²).
    /// </summary>
    public T Backward(T[] targets, Loss loss)
    {
        var outputs = Batch * widths[depth];
        var mse = Elementwise.LossGradientAndMse(loss, layers[depth], targets, deltas[depth], outputs);
        Elementwise.MultiplyByDerivative(Network.Activations[depth - 1], deltas[depth], z[depth], layers[depth], outputs);
        for (var l = depth; l >= 1; l--)
        {
            int fanIn = widths[l - 1], fanOut = widths[l];
            Multiply(true, false, layers[l - 1], Batch, fanIn, deltas[l], Batch, fanOut, weightGradients[l - 1]);
            ColumnSums(deltas[l], fanOut, biasGradients[l - 1]);
            if (l > 1)
            {
                Multiply(false, true, deltas[l], Batch, fanOut, weights[l - 1], fanIn, fanOut, deltas[l - 1]);
                Elementwise.MultiplyByDerivative(Network.Activations[l - 2], deltas[l - 1], z[l - 1], layers[l - 1], Batch * fanIn);
            }
        }

        return mse;
    }

    private void ColumnSums(T[] values, int columns, T[] sums)
    {
        for (var j = 0; j < columns; j++)
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
