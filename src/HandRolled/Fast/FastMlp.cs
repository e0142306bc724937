using System.Numerics;
using Parity.HandRolled.Maths;
using Parity.HandRolled.Model;
using Parity.HandRolled.Optimizers;

namespace Parity.HandRolled.Fast;

/// <summary>
/// The readable <see cref="Mlp{T}"/>'s training step without a single allocation in steady state: every layer
/// output, delta, gradient and optimizer buffer is an array sized once, column-major as MathNet stores a matrix,
/// and each operation is the readable engine's, in the same order — the activations, losses and optimizer steps are
/// the very functions it calls — so the numbers are the same. Tiny products run in <see cref="Kernels"/> (MathNet's
/// managed order, bit-identical); large ones in <see cref="Blas"/>, which is MathNet's provider itself
/// (bit-identical) or the system BLAS (identical to float rounding).
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
internal sealed partial class FastMlp<T>
    where T : struct, IFloatingPointIeee754<T>
{
    /// <summary>Products with at least this many multiply-adds (m·n·k) go to <see cref="Blas"/>.</summary>
    internal const long BlasThreshold = 32 * 32 * 32;

    private readonly Blas blas;
    private readonly int depth;
    private readonly int[] widths;
    private readonly T[][] weights;   // layer l (1-based index l − 1): (in, out), = PyTorch's (out, in) row-major
    private readonly T[][] biases;    // (out)
    private readonly T[][] weightGradients;
    private readonly T[][] biasGradients;
    private readonly T[][] parameterTensors; // weights and biases in the contract's order, for the optimizer
    private readonly T[][] gradientTensors;
    private readonly Dictionary<int, Workspace> workspaces = [];
    private Workspace work;
    private ParameterOptimizer<T>? optimizer;

    /// <param name="network">The network.</param>
    /// <param name="initialParameters">In the contract's layout; checked as the readable engine checks them.</param>
    /// <param name="batch">Rows per step: N for full batch, 1 per sample, B for mini-batches (see <see cref="SetBatch"/>).</param>
    /// <param name="blas">Where large products run.</param>
    public FastMlp(NetworkSpec network, IReadOnlyList<NamedTensor> initialParameters, int batch, Blas blas)
    {
        _ = new Mlp<T>(network, initialParameters); // the readable engine's checks and messages, once
        Network = network;
        this.blas = blas;
        depth = network.Depth;
        widths = [.. network.Layers];
        var byName = initialParameters.ToDictionary(p => p.Name);
        weights = new T[depth][];
        biases = new T[depth][];
        weightGradients = new T[depth][];
        biasGradients = new T[depth][];
        for (var l = 0; l < depth; l++)
        {
            weights[l] = byName[$"{l}.weight"].Values.Select(T.CreateChecked).ToArray();
            biases[l] = network.Bias ? byName[$"{l}.bias"].Values.Select(T.CreateChecked).ToArray() : [];
            weightGradients[l] = new T[widths[l] * widths[l + 1]];
            biasGradients[l] = new T[widths[l + 1]];
        }

        parameterTensors = [.. InContractOrder(weights, biases)];
        gradientTensors = [.. InContractOrder(weightGradients, biasGradients)];
        work = WorkspaceOf(batch);
    }

    public NetworkSpec Network { get; }

    /// <summary>Rows per step.</summary>
    public int Batch => work.Rows;

    /// <summary>The input buffer, (batch, in) column-major: write a batch here, then call <see cref="Step"/>.</summary>
    public T[] Input => work.Layers[0];

    /// <summary>The prediction of the last forward pass, (batch, out) column-major.</summary>
    public T[] Prediction => work.Layers[depth];

    // The buffers of the current batch size, by layer.
    private T[][] Z => work.Z;

    private T[][] Layers => work.Layers;

    private T[][] Deltas => work.Deltas;

    /// <summary>
    /// Makes the next steps take <paramref name="rows"/> rows (a mini-batch's last, partial one, say): <see cref="Input"/>
    /// and every other per-row buffer become those of that size, made once and kept.
    /// </summary>
    public void SetBatch(int rows) => work = rows == work.Rows ? work : WorkspaceOf(rows);

    /// <summary>The parameters in the contract's order and PyTorch layout.</summary>
    public IReadOnlyList<NamedTensor> Parameters() => ToTensors(weights, biases);

    /// <summary>The gradients of the last step, in the contract's order and PyTorch layout.</summary>
    public IReadOnlyList<NamedTensor> Gradients() => ToTensors(weightGradients, biasGradients);

    /// <summary>
    /// One training step on the batch in <see cref="Input"/>: forward, logged value, backward, optimizer step.
    /// targets: (batch, out) column-major, or (batch, 1) class indices. Returns the <paramref name="logged"/> quantity
    /// of the forward pass, before the update.
    /// </summary>
    public T Step(T[] targets, Loss loss, double learningRate, Optimizer optimizer, Logged logged = Logged.Mse)
    {
        Forward();
        var value = LossFunctions.Value(logged.Quantity(), Prediction, targets, Batch);
        Backward(targets, loss);
        Update(learningRate, optimizer);
        return value;
    }

    /// <summary>One step of the optimizer on every parameter, in the contract's order, from the last backward pass's gradients.</summary>
    public void Update(double learningRate, Optimizer hyperparameters)
    {
        if (optimizer?.Hyperparameters != hyperparameters)
        {
            optimizer = ParameterOptimizer<T>.For(hyperparameters, [.. parameterTensors.Select(p => p.Length)]);
        }

        for (var i = 0; i < parameterTensors.Length; i++)
        {
            optimizer.Step(i, parameterTensors[i], gradientTensors[i], learningRate);
        }
    }

    private Workspace WorkspaceOf(int rows)
    {
        if (!workspaces.TryGetValue(rows, out var workspace))
        {
            workspace = workspaces[rows] = new Workspace(rows, widths);
        }

        return workspace;
    }

    private IEnumerable<T[]> InContractOrder(T[][] w, T[][] b) =>
        Enumerable.Range(0, depth).SelectMany(l => Network.Bias ? new[] { w[l], b[l] } : [w[l]]);

    private List<NamedTensor> ToTensors(T[][] w, T[][] b)
    {
        var tensors = new List<NamedTensor>();
        for (var l = 0; l < depth; l++)
        {
            tensors.Add(new NamedTensor($"{l}.weight", [widths[l + 1], widths[l]], w[l].Select(double.CreateChecked).ToArray()));
            if (Network.Bias)
            {
                tensors.Add(new NamedTensor($"{l}.bias", [widths[l + 1]], b[l].Select(double.CreateChecked).ToArray()));
            }
        }

        return tensors;
    }

    /// <summary>What one batch size needs, per layer: pre-activations, outputs (<c>Layers[0]</c> the input) and deltas, (rows, width).</summary>
    private sealed class Workspace
    {
        public Workspace(int rows, int[] widths)
        {
            Rows = rows;
            Layers = [.. widths.Select(w => new T[rows * w])];
            Z = [[], .. widths.Skip(1).Select(w => new T[rows * w])];
            Deltas = [[], .. widths.Skip(1).Select(w => new T[rows * w])];
        }

        public int Rows { get; }

        public T[][] Z { get; }

        public T[][] Layers { get; }

        public T[][] Deltas { get; }
    }
}
