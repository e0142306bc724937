namespace Parity.HandRolled.Model;

/// <summary>
/// A fully connected network: <c>Layers[0]</c> inputs, then one affine layer per further entry, each
/// followed by its activation. <c>[2, 5, 1]</c> is the seed's XOR network.
/// </summary>
/// <param name="Layers">Widths, input first; at least two entries.</param>
/// <param name="Activations">One per affine layer (<c>Layers.Count − 1</c>).</param>
/// <param name="Bias">Whether each affine layer has a bias vector.</param>
public sealed record NetworkSpec(IReadOnlyList<int> Layers, IReadOnlyList<Activation> Activations, bool Bias)
{
    /// <summary>Number of affine layers.</summary>
    public int Depth => Layers.Count - 1;

    /// <summary>How many numbers the parameters hold: Σ (in·out, plus out with bias) over the layers.</summary>
    public long ParameterCount => ParameterShapes().Sum(p => p.Shape.Aggregate(1L, (n, d) => n * d));

    /// <summary>
    /// The parameters in the contract's order and PyTorch layout: per layer <c>"{l}.weight"</c> of shape
    /// (out, in), then <c>"{l}.bias"</c> of shape (out) when bias is on.
    /// </summary>
    public IReadOnlyList<(string Name, int[] Shape)> ParameterShapes()
    {
        var shapes = new List<(string, int[])>();
        for (var l = 0; l < Depth; l++)
        {
            shapes.Add(($"{l}.weight", [Layers[l + 1], Layers[l]]));
            if (Bias)
            {
                shapes.Add(($"{l}.bias", [Layers[l + 1]]));
            }
        }

        return shapes;
    }
}
