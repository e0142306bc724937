using Parity.HandRolled.Model;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.TorchReference.TorchSharp;

/// <summary>
/// torch_worker.py's network as an <c>nn.Module</c>: <c>nn.Sequential(nn.Linear, activation, nn.Linear, activation,
/// …)</c>, x: (batch, in) → (batch, out). Parameters are named as the contract names them: <c>{l}.weight</c> (out, in)
/// and <c>{l}.bias</c> (out), where l counts the Linear layers.
/// </summary>
internal sealed class TorchMlp : nn.Module<Tensor, Tensor>
{
    private readonly Sequential layers;
    private readonly Linear[] linears;
    private readonly bool bias;

    /// <summary>
    /// Creates the Linear layers in float32, as a Python user's <c>nn.Linear</c> is created, drawing their initial
    /// values from libtorch's global generator: the caller seeds it, and no other thread may draw meanwhile.
    /// </summary>
    public TorchMlp(NetworkSpec network)
        : base(nameof(TorchMlp))
    {
        bias = network.Bias;
        linears = [.. Enumerable.Range(0, network.Depth)
            .Select(l => nn.Linear(network.Layers[l], network.Layers[l + 1], hasBias: network.Bias, dtype: ScalarType.Float32))];
        layers = nn.Sequential(linears.SelectMany((linear, l) => new (string, nn.Module<Tensor, Tensor>)[]
        {
            ($"{2 * l}", linear),
            ($"{(2 * l) + 1}", ActivationModule(network.Activations[l])),
        }));
        RegisterComponents();
    }

    /// <summary>The parameters in the contract's order: each layer's weight, then its bias.</summary>
    public IEnumerable<(string Name, Parameter Parameter)> NamedParameters()
    {
        for (var l = 0; l < linears.Length; l++)
        {
            yield return ($"{l}.weight", linears[l].weight);
            if (bias)
            {
                yield return ($"{l}.bias", linears[l].bias!);
            }
        }
    }

    /// <summary>A tensor of each parameter (itself, or its gradient), in the contract's layout.</summary>
    public IReadOnlyList<NamedTensor> Export(Func<Parameter, Tensor?> select) =>
        [.. NamedParameters().Select(p => Tensors.ToNamed(
            p.Name, select(p.Parameter) ?? throw new InvalidOperationException($"{p.Name} has no gradient")))];

    public override Tensor forward(Tensor input) => layers.call(input);

    private static nn.Module<Tensor, Tensor> ActivationModule(Activation activation) => activation switch
    {
        Activation.Sigmoid => nn.Sigmoid(),
        Activation.Tanh => nn.Tanh(),
        Activation.Relu => nn.ReLU(),
        Activation.Selu => nn.SELU(),
        Activation.Identity => nn.Identity(),
        Activation.Softmax => nn.Softmax(1),
        Activation.LogSoftmax => nn.LogSoftmax(1),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, null),
    };
}
