namespace Parity.HandRolled.Model;

/// <summary>
/// A parameter (or its gradient) in the contract's PyTorch layout: <c>"0.weight"</c> of shape (out, in) or
/// <c>"0.bias"</c> of shape (out), values row-major.
/// </summary>
public sealed record NamedTensor(string Name, IReadOnlyList<int> Shape, IReadOnlyList<double> Values)
{
    /// <summary>Shape as text, e.g. <c>(5, 2)</c>.</summary>
    public string ShapeText => $"({string.Join(", ", Shape)})";
}
