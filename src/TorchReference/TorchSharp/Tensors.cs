using Parity.HandRolled.Model;
using static TorchSharp.torch;

namespace Parity.TorchReference.TorchSharp;

/// <summary>Numbers into and out of libtorch, as torch_worker.py moves them: through float64, then to the side's dtype.</summary>
internal static class Tensors
{
    public static ScalarType Of(DType dtype) => dtype switch
    {
        DType.Float64 => ScalarType.Float64,
        DType.Float32 => ScalarType.Float32,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };

    /// <summary>Rows of numbers (N, D) as a float64 tensor converted to <paramref name="dtype"/>: <c>torch.tensor(rows, dtype=float64).to(dtype)</c>.</summary>
    public static Tensor Matrix(IReadOnlyList<IReadOnlyList<double>> rows, ScalarType dtype)
    {
        var columns = rows.Count == 0 ? 0 : rows[0].Count;
        using var exact = tensor([.. rows.SelectMany(r => r)], [rows.Count, columns], ScalarType.Float64);
        return exact.to(dtype);
    }

    /// <summary>A parameter's row-major values as a tensor of its shape in <paramref name="dtype"/>.</summary>
    public static Tensor FromNamed(NamedTensor parameter, ScalarType dtype)
    {
        using var exact = tensor([.. parameter.Values], [.. parameter.Shape.Select(d => (long)d)], ScalarType.Float64);
        return exact.to(dtype);
    }

    /// <summary>A tensor's values in the contract's layout, widened to double (exactly, from float32).</summary>
    public static NamedTensor ToNamed(string name, Tensor value)
    {
        using var exact = value.detach().to(ScalarType.Float64).contiguous();
        using var values = exact.data<double>();
        return new NamedTensor(name, [.. value.shape.Select(d => (int)d)], values.ToArray());
    }

    /// <summary>A one-element tensor's value as a double: Python's <c>.item()</c>.</summary>
    public static double Item(Tensor value) =>
        value.dtype == ScalarType.Float32 ? value.item<float>() : value.item<double>();
}
