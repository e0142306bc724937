using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Parity.HandRolled.Maths;
using Parity.HandRolled.Model;
using Parity.HandRolled.Optimizers;

namespace Parity.HandRolled;

/// <summary>
/// The seed's numpy MLP, layer by layer: <c>layer_l = f_l(layer_{l−1} · W_l + b_l)</c> with each weight kept in
/// numpy's layout (in, out), so that the maths reads as the numpy code does. Parameters cross the boundary in
/// the contract's PyTorch layout (out, in). Every activation, loss and optimizer step is the one function of
/// <see cref="Activations"/>, <see cref="LossFunctions"/> and <see cref="ParameterOptimizer{T}"/> that the fast engine
/// calls too.
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
internal sealed class Mlp<T>
    where T : struct, IFloatingPointIeee754<T>
{
    private readonly Matrix<T>[] weights;
    private readonly Matrix<T>[] biases; // each (1, out): numpy's broadcast row
    private ParameterOptimizer<T>? optimizer;

    /// <exception cref="ShapeException">The parameters do not fit the network, or a hidden layer has a row-wise activation.</exception>
    public Mlp(NetworkSpec network, IReadOnlyList<NamedTensor> initialParameters)
    {
        Network = network;
        for (var l = 0; l < network.Depth - 1; l++)
        {
            if (network.Activations[l].IsRowWise())
            {
                throw new ShapeException(
                    $"Layer {l}: {network.Activations[l].Name()} normalises each row of a layer's output, so only the last "
                    + $"layer ({network.Depth - 1}) may have it; layer {l} is hidden.");
            }
        }

        weights = new Matrix<T>[network.Depth];
        biases = new Matrix<T>[network.Bias ? network.Depth : 0];
        Load(initialParameters);
    }

    public NetworkSpec Network { get; }

    /// <summary>
    /// Forward pass. x: (batch, in) → every layer's output, <c>layers[0] = x</c>, <c>layers[L]</c> the prediction
    /// (batch, out); <c>preActivations[l]</c> is z_l = layer_{l−1} · W_l + b_l (index 0 unused).
    /// </summary>
    public (Matrix<T>[] Layers, Matrix<T>[] PreActivations) Forward(Matrix<T> x)
    {
        var layers = new Matrix<T>[weights.Length + 1];
        var preActivations = new Matrix<T>[weights.Length + 1];
        layers[0] = x;
        for (var l = 1; l <= weights.Length; l++)
        {
            var z = Dot(layers[l - 1], weights[l - 1], l - 1, "layer input · W");
            if (Network.Bias)
            {
                z = AddToEveryRow(z, biases[l - 1]);
            }

            preActivations[l] = z;
            layers[l] = Activations.Apply(Network.Activations[l - 1], z);
        }

        return (layers, preActivations);
    }

    /// <summary>The prediction for x: (batch, in) → (batch, out).</summary>
    public Matrix<T> Predict(Matrix<T> x) => Forward(x).Layers[^1];

    /// <summary>
    /// Backpropagation of <paramref name="loss"/> through a forward pass, as the seed code writes it:
    /// <c>delta_L = ∂loss/∂layer_L ∘ f'_L</c> (for softmax and log-softmax, the row's vector-Jacobian product),
    /// <c>dW_l = layer_{l−1}ᵀ · delta_l</c>, <c>db_l = Σ_rows delta_l</c>, <c>delta_{l−1} = (delta_l · W_lᵀ) ∘ f'_{l−1}</c>.
    /// targets: (batch, out), or (batch, 1) class indices for cross-entropy and NLL. Returns the gradients in the
    /// contract's order and layout.
    /// </summary>
    public Gradients Backward((Matrix<T>[] Layers, Matrix<T>[] PreActivations) forward, Matrix<T> targets, Loss loss)
    {
        var (layers, z) = forward;
        var prediction = layers[^1];
        var width = loss.TakesClassIndices() ? 1 : prediction.ColumnCount;
        if (prediction.RowCount != targets.RowCount || targets.ColumnCount != width)
        {
            throw new ShapeException(loss.TakesClassIndices()
                ? $"Loss {loss}: predictions ({prediction.RowCount}, {prediction.ColumnCount}) need class-index targets "
                    + $"({prediction.RowCount}, 1), one label per row, but the targets are ({targets.RowCount}, {targets.ColumnCount})."
                : $"Loss {loss}: predictions ({prediction.RowCount}, {prediction.ColumnCount}) and targets "
                    + $"({targets.RowCount}, {targets.ColumnCount}) differ in shape; the last layer's width must equal the "
                    + "targets' width.");
        }

        var depth = weights.Length;
        var weightGradients = new Matrix<T>[depth];
        var biasGradients = new Matrix<T>[depth];
        var delta = Activations.Backward(Network.Activations[depth - 1], LossFunctions.Gradient(loss, prediction, targets), z[depth], layers[depth]);
        for (var l = depth; l >= 1; l--)
        {
            weightGradients[l - 1] = layers[l - 1].TransposeThisAndMultiply(delta);
            biasGradients[l - 1] = Matrix<T>.Build.DenseOfRowVectors(delta.ColumnSums());
            if (l > 1)
            {
                delta = Activations.Backward(Network.Activations[l - 2], delta.TransposeAndMultiply(weights[l - 1]), z[l - 1], layers[l - 1]);
            }
        }

        return new Gradients(weightGradients, Network.Bias ? biasGradients : []);
    }

    /// <summary>
    /// One step of <paramref name="hyperparameters"/>' optimizer on every parameter, in the contract's order, its state
    /// kept from the previous steps (started anew when the optimizer changes). Plain SGD is the seed's <c>W −= lr·dW</c>.
    /// </summary>
    public void Update(Gradients gradients, double learningRate, Optimizer hyperparameters)
    {
        var (parameters, slopes) = (InContractOrder(weights, biases), InContractOrder(gradients.Weights, gradients.Biases));
        if (optimizer?.Hyperparameters != hyperparameters)
        {
            optimizer = ParameterOptimizer<T>.For(hyperparameters, [.. parameters.Select(p => p.RowCount * p.ColumnCount)]);
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            // θ ← step(θ, ∂loss/∂θ) in place: W −= lr·dW for plain SGD.
            optimizer.Step(i, parameters[i].AsColumnMajorArray(), Storage.Of(slopes[i]), learningRate);
        }
    }

    /// <summary>The parameters in the contract's order and PyTorch layout.</summary>
    public IReadOnlyList<NamedTensor> Parameters() => ToTensors(weights, biases);

    private static Matrix<T> Dot(Matrix<T> a, Matrix<T> w, int layer, string operation)
    {
        if (a.ColumnCount != w.RowCount)
        {
            throw new ShapeException(
                $"Layer {layer} ({layer}.weight): {operation} needs the input's width to equal the weight's "
                + $"input size, but the input is ({a.RowCount}, {a.ColumnCount}) and W is ({w.RowCount}, {w.ColumnCount}) "
                + $"in numpy layout (in, out) — {layer}.weight ({w.ColumnCount}, {w.RowCount}) in PyTorch layout. "
                + $"Check the data width against the network's layer sizes.");
        }

        return a * w;
    }

    // numpy's broadcast of z + b over the batch rows.
    private static Matrix<T> AddToEveryRow(Matrix<T> z, Matrix<T> b) => z.MapIndexed((_, j, v) => v + b[0, j]);

    private static T ToT(double value) => T.CreateChecked(value);

    private static double ToDouble(T value) => double.CreateChecked(value);

    // Each layer's weight, then its bias: the contract's order.
    private static List<Matrix<T>> InContractOrder(Matrix<T>[] w, Matrix<T>[] b) =>
        [.. w.SelectMany((weight, l) => b.Length > 0 ? new[] { weight, b[l] } : [weight])];

    // W is (in, out) here; PyTorch's (out, in) row-major is W's column-major storage.
    private static NamedTensor WeightTensor(string name, Matrix<T> w) =>
        new(name, [w.ColumnCount, w.RowCount], w.ToColumnMajorArray().Select(ToDouble).ToArray());

    private static NamedTensor BiasTensor(string name, Matrix<T> b) =>
        new(name, [b.ColumnCount], b.Row(0).Select(ToDouble).ToArray());

    private static List<NamedTensor> ToTensors(Matrix<T>[] w, Matrix<T>[] b)
    {
        var tensors = new List<NamedTensor>();
        for (var l = 0; l < w.Length; l++)
        {
            tensors.Add(WeightTensor($"{l}.weight", w[l]));
            if (b.Length > 0)
            {
                tensors.Add(BiasTensor($"{l}.bias", b[l]));
            }
        }

        return tensors;
    }

    private void Load(IReadOnlyList<NamedTensor> parameters)
    {
        var expected = Network.ParameterShapes();
        var byName = parameters.ToDictionary(p => p.Name);
        var unexpected = parameters.Select(p => p.Name).Except(expected.Select(e => e.Name)).ToList();
        if (unexpected.Count > 0)
        {
            throw new ShapeException(
                $"Initial parameters: unexpected {string.Join(", ", unexpected)}; this network has "
                + $"{string.Join(", ", expected.Select(e => e.Name))}.");
        }

        foreach (var (name, shape) in expected)
        {
            if (!byName.TryGetValue(name, out var tensor))
            {
                throw new ShapeException($"Initial parameters: {name} of shape ({string.Join(", ", shape)}) is missing.");
            }

            if (!tensor.Shape.SequenceEqual(shape) || tensor.Values.Count != shape.Aggregate(1, (a, b) => a * b))
            {
                throw new ShapeException(
                    $"Initial parameters: {name} has shape {tensor.ShapeText} with {tensor.Values.Count} values, but "
                    + $"this network needs ({string.Join(", ", shape)}) in PyTorch layout (out, in).");
            }
        }

        for (var l = 0; l < weights.Length; l++)
        {
            int fanIn = Network.Layers[l], fanOut = Network.Layers[l + 1];
            var values = byName[$"{l}.weight"].Values;
            weights[l] = Matrix<T>.Build.Dense(fanIn, fanOut, (i, o) => ToT(values[(o * fanIn) + i]));
            if (Network.Bias)
            {
                var bias = byName[$"{l}.bias"].Values;
                biases[l] = Matrix<T>.Build.Dense(1, fanOut, (_, o) => ToT(bias[o]));
            }
        }
    }

    /// <summary>Gradients in numpy layout: dW_l (in, out), db_l (1, out).</summary>
    internal sealed record Gradients(Matrix<T>[] Weights, Matrix<T>[] Biases)
    {
        /// <summary>The gradients in the contract's order and PyTorch layout.</summary>
        public IReadOnlyList<NamedTensor> ToTensors() => Mlp<T>.ToTensors(Weights, Biases);
    }
}
