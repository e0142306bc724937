using MathNet.Numerics.LinearAlgebra;
using Parity.HandRolled.Maths;
using Parity.HandRolled.Model;

namespace Parity.HandRolled;

internal sealed partial class Mlp<T>
{
    /// <summary>
    /// Backpropagation of <paramref name="loss"/> through a forward pass, as the seed code writes it:
    /// <c>delta_L = ∂loss/∂layer_L ∘ f'_L</c>, <c>dW_l = layer_{l−1}ᵀ · delta_l</c>, <c>db_l = Σ_rows delta_l</c>,
    /// <c>delta_{l−1} = (delta_l · W_lᵀ) ∘ f'_{l−1}</c>. Returns the gradients in the contract's order and layout.
    /// </summary>
    public Gradients Backward((Matrix<T>[] Layers, Matrix<T>[] PreActivations) forward, Matrix<T> targets, Loss loss)
    {
        var (layers, z) = forward;
        var prediction = layers[^1];
        if (prediction.RowCount != targets.RowCount || prediction.ColumnCount != targets.ColumnCount)
        {
            throw new ShapeException(
                $"Loss {loss}: predictions ({prediction.RowCount}, {prediction.ColumnCount}) and targets "
                + $"({targets.RowCount}, {targets.ColumnCount}) differ in shape; the last layer's width must equal the "
                + "targets' width.");
        }

        var depth = weights.Length;
        var weightGradients = new Matrix<T>[depth];
        var biasGradients = new Matrix<T>[depth];
        var delta = LossFunctions.Gradient(loss, prediction, targets)
            .PointwiseMultiply(Activations.Derivative(Network.Activations[depth - 1], z[depth], layers[depth]));
        for (var l = depth; l >= 1; l--)
        {
            weightGradients[l - 1] = layers[l - 1].TransposeThisAndMultiply(delta);
            biasGradients[l - 1] = Matrix<T>.Build.DenseOfRowVectors(delta.ColumnSums());
            if (l > 1)
            {
                delta = delta.TransposeAndMultiply(weights[l - 1])
                    .PointwiseMultiply(Activations.Derivative(Network.Activations[l - 2], z[l - 1], layers[l - 1]));
            }
        }

        return new Gradients(weightGradients, Network.Bias ? biasGradients : []);
    }

    /// <summary>Gradients in numpy layout: dW_l (in, out), db_l (1, out).</summary>
    internal sealed record Gradients(Matrix<T>[] Weights, Matrix<T>[] Biases)
    {
        /// <summary>The gradients in the contract's order and PyTorch layout.</summary>
        public IReadOnlyList<NamedTensor> ToTensors() => Mlp<T>.ToTensors(Weights, Biases);
    }
}
