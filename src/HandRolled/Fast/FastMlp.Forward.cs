using System.Numerics;
using Parity.HandRolled.Maths;

namespace Parity.HandRolled.Fast;

internal sealed partial class FastMlp<T>
{
    /// <summary><c>z_l = layer_{l−1} · W_l + b_l</c>, <c>layer_l = f_l(z_l)</c>, into the layer buffers.</summary>
    public void Forward()
    {
        for (var l = 1; l <= depth; l++)
        {
            int fanIn = widths[l - 1], fanOut = widths[l];
            Multiply(false, false, Layers[l - 1], Batch, fanIn, weights[l - 1], fanIn, fanOut, Z[l]);
            if (Network.Bias)
            {
                AddToEveryRow(Z[l], biases[l - 1], fanOut);
            }

            Activations.Forward(Network.Activations[l - 1], Z[l], Layers[l], Batch);
        }
    }

    private void AddToEveryRow(T[] values, T[] bias, int columns)
    {
        for (var j = 0; j < columns; j++)
        {
            var b = bias[j];
            var column = values.AsSpan(j * Batch, Batch);
            var i = 0;
            for (var lanes = new Vector<T>(b); i <= column.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                (new Vector<T>(column[i..]) + lanes).CopyTo(column[i..]);
            }

            for (; i < column.Length; i++)
            {
                column[i] += b;
            }
        }
    }

    /// <summary>
    /// c = op(a) · op(b), column-major, a stored (rowsA, columnsA), b (rowsB, columnsB): the fused kernels for tiny
    /// products, <see cref="Blas"/> from <see cref="BlasThreshold"/> multiply-adds.
    /// </summary>
    private void Multiply(bool transposeA, bool transposeB, T[] a, int rowsA, int columnsA, T[] b, int rowsB, int columnsB, T[] c)
    {
        var (m, k) = transposeA ? (columnsA, rowsA) : (rowsA, columnsA);
        var n = transposeB ? rowsB : columnsB;
        if ((long)m * n * k >= BlasThreshold)
        {
            blas.Multiply(transposeA, transposeB, a, rowsA, columnsA, b, rowsB, columnsB, c);
        }
        else if (transposeA)
        {
            Kernels.TransposeThisAndMultiply(a, b, c, k, m, n);
        }
        else if (transposeB)
        {
            Kernels.TransposeAndMultiply(a, b, c, m, k, n);
        }
        else
        {
            Kernels.Multiply(a, b, c, m, k, n);
        }
    }
}
