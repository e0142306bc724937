using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Parity.HandRolled.Maths;
using Parity.HandRolled.Model;

namespace Parity.HandRolled;

/// <summary>
/// The seed's numpy MLP, layer by layer: <c>layer_l = f_l(layer_{l−1} · W_l + b_l)</c> with each weight kept in
/// numpy's layout (in, out), so that the maths reads as the numpy code does. Parameters cross the boundary in
/// the contract's PyTorch layout (out, in).
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
internal sealed partial class Mlp<T>
    where T : struct, IFloatingPointIeee754<T>
{
    private readonly Matrix<T>[] weights;
    private readonly Matrix<T>[] biases; // each (1, out): numpy's broadcast row

    public Mlp(NetworkSpec network, IReadOnlyList<NamedTensor> initialParameters)
    {
        Network = network;
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

    // W is (in, out) here; PyTorch's (out, in) row-major is W's column-major storage.
    private static NamedTensor WeightTensor(string name, Matrix<T> w) =>
        new(name, [w.ColumnCount, w.RowCount], w.ToColumnMajorArray().Select(ToDouble).ToArray());

    private static NamedTensor BiasTensor(string name, Matrix<T> b) =>
        new(name, [b.ColumnCount], b.Row(0).Select(ToDouble).ToArray());

    // The contract's order: each layer's weight, then its bias.
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
}
