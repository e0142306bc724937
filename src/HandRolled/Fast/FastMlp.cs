using System.Numerics;
using Parity.HandRolled.Model;

namespace Parity.HandRolled.Fast;

/// <summary>
/// The readable <see cref="Mlp{T}"/>'s training step without a single allocation in steady state: every layer
/// output, delta, gradient and momentum buffer is an array sized once, column-major as MathNet stores a matrix,
/// and each operation is the readable engine's, in the same order, so the numbers are the same. Tiny products run
/// in <see cref="Kernels"/> (MathNet's managed order, bit-identical); large ones in <see cref="Blas"/>, which is
/// MathNet's provider itself (bit-identical) or the system BLAS (identical to float rounding).
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
    private readonly T[][] z;         // [l], l ≥ 1: (batch, out)
    private readonly T[][] layers;    // [0] the input, [l] = f(z[l]): (batch, out)
    private readonly T[][] deltas;    // [l]: (batch, out)
    private readonly T[][] weightGradients;
    private readonly T[][] biasGradients;
    private T[][]? weightMomentum;
    private T[][]? biasMomentum;

    /// <param name="network">The network.</param>
    /// <param name="initialParameters">In the contract's layout; checked as the readable engine checks them.</param>
    /// <param name="batch">Rows per step: N for full batch, 1 per sample.</param>
    /// <param name="blas">Where large products run.</param>
    public FastMlp(NetworkSpec network, IReadOnlyList<NamedTensor> initialParameters, int batch, Blas blas)
    {
        _ = new Mlp<T>(network, initialParameters); // the readable engine's checks and messages, once
        Network = network;
        Batch = batch;
        this.blas = blas;
        depth = network.Depth;
        widths = [.. network.Layers];
        var byName = initialParameters.ToDictionary(p => p.Name);
        weights = new T[depth][];
        biases = new T[depth][];
        weightGradients = new T[depth][];
        biasGradients = new T[depth][];
        z = new T[depth + 1][];
        layers = new T[depth + 1][];
        deltas = new T[depth + 1][];
        layers[0] = new T[batch * widths[0]];
        for (var l = 1; l <= depth; l++)
        {
            weights[l - 1] = byName[$"{l - 1}.weight"].Values.Select(T.CreateChecked).ToArray();
            biases[l - 1] = network.Bias ? byName[$"{l - 1}.bias"].Values.Select(T.CreateChecked).ToArray() : [];
            weightGradients[l - 1] = new T[widths[l - 1] * widths[l]];
            biasGradients[l - 1] = new T[widths[l]];
            z[l] = new T[batch * widths[l]];
            layers[l] = new T[batch * widths[l]];
            deltas[l] = new T[batch * widths[l]];
        }
    }

    public NetworkSpec Network { get; }

    /// <summary>Rows per step.</summary>
    public int Batch { get; }

    /// <summary>The input buffer, (batch, in) column-major: write a batch here, then call <see cref="Step"/>.</summary>
    public T[] Input => layers[0];

    /// <summary>The prediction of the last forward pass, (batch, out) column-major.</summary>
    public T[] Prediction => layers[depth];

    /// <summary>The parameters in the contract's order and PyTorch layout.</summary>
    public IReadOnlyList<NamedTensor> Parameters() => ToTensors(weights, biases);

    /// <summary>The gradients of the last step, in the contract's order and PyTorch layout.</summary>
    public IReadOnlyList<NamedTensor> Gradients() => ToTensors(weightGradients, biasGradients);

    /// <summary>
    /// One training step on the batch in <see cref="Input"/>: forward, logged loss, backward, SGD update.
    /// targets: (batch, out) column-major. Returns the logged loss, true MSE before the update.
    /// </summary>
    public T Step(T[] targets, Loss loss, T learningRate, Optimizer optimizer)
    {
        Forward();
        var mse = Backward(targets, loss);
        Update(learningRate, optimizer);
        return mse;
    }

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
}
