using Parity.HandRolled.Model;
using static TorchSharp.torch;

namespace Parity.TorchReference.TorchSharp;

/// <summary>
/// A batch's targets in the forms PyTorch's losses take them: <see cref="Values"/>, (N, D) in the side's dtype, as
/// <c>MSELoss</c> or <c>BCELoss</c> take them; and, where a loss or the logged quantity needs them, <see cref="Classes"/>,
/// the one-column targets as class indices, (N) int64, as <c>CrossEntropyLoss</c> and <c>NLLLoss</c> take them.
/// </summary>
internal sealed record BatchTargets(Tensor Values, Tensor? Classes)
{
    /// <summary>
    /// The data set's targets. Class indices are made when <paramref name="needsClasses"/>: then every target row must be
    /// one whole number in 0…<paramref name="classes"/>−1, as PyTorch requires of a class index.
    /// </summary>
    /// <exception cref="ArgumentException">A target row that is not a class index; the message names the row.</exception>
    public static BatchTargets Of(Dataset data, ScalarType dtype, bool needsClasses, int classes)
    {
        var values = Tensors.Matrix(data.Targets, dtype);
        if (!needsClasses)
        {
            return new BatchTargets(values, null);
        }

        var indices = new long[data.Count];
        for (var i = 0; i < data.Count; i++)
        {
            var row = data.Targets[i];
            indices[i] = row.Count == 1 && row[0] >= 0 && row[0] < classes && row[0] == Math.Floor(row[0])
                ? (long)row[0]
                : throw new ArgumentException(
                    $"data.targets[{i}]: [{string.Join(", ", row)}] is not a class index; class-index targets are one whole number in 0…{classes - 1} per row");
        }

        return new BatchTargets(values, tensor(indices, ScalarType.Int64));
    }

    /// <summary>The rows <paramref name="rows"/> (int64, in order), as <c>y[rows]</c> selects them.</summary>
    public BatchTargets Select(Tensor rows) => new(Values.index_select(0, rows), Classes?.index_select(0, rows));
}
