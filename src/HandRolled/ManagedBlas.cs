using MathNet.Numerics.Providers.LinearAlgebra;

namespace Parity.HandRolled;

/// <summary>
/// MathNet's own provider, called at the storage level into a preallocated result: the same call (and so the same
/// numbers) as <c>a * b</c> on dense matrices, without a new result matrix per product.
/// </summary>
internal sealed class ManagedBlas : Blas
{
    public override string Name => "managed";

    private protected override void Multiply(
        bool transposeA, bool transposeB, double[] a, int rowsA, int columnsA, double[] b, int rowsB, int columnsB, double[] c) =>
        LinearAlgebraControl.Provider.MatrixMultiplyWithUpdate(
            Op(transposeA), Op(transposeB), 1.0, a, rowsA, columnsA, b, rowsB, columnsB, 0.0, c);

    private protected override void Multiply(
        bool transposeA, bool transposeB, float[] a, int rowsA, int columnsA, float[] b, int rowsB, int columnsB, float[] c) =>
        LinearAlgebraControl.Provider.MatrixMultiplyWithUpdate(
            Op(transposeA), Op(transposeB), 1.0f, a, rowsA, columnsA, b, rowsB, columnsB, 0.0f, c);

    private static Transpose Op(bool transpose) => transpose ? Transpose.Transpose : Transpose.DontTranspose;
}
