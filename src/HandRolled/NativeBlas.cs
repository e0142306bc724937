using System.Runtime.InteropServices;

namespace Parity.HandRolled;

/// <summary>
/// A system CBLAS (<c>cblas_dgemm</c>, <c>cblas_sgemm</c>) loaded at run time, so that a machine without it still
/// runs, on the managed provider. Debian's <c>libopenblas0-pthread</c> provides <c>libopenblas.so.0</c>.
/// </summary>
internal sealed unsafe class NativeBlas : Blas
{
    private const int ColumnMajor = 102;
    private const int NoTrans = 111;
    private const int Trans = 112;

    private readonly delegate* unmanaged[Cdecl]<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void> dgemm;
    private readonly delegate* unmanaged[Cdecl]<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> sgemm;

    private NativeBlas(string name, nint dgemm, nint sgemm)
    {
        Name = name;
        this.dgemm = (delegate* unmanaged[Cdecl]<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)dgemm;
        this.sgemm = (delegate* unmanaged[Cdecl]<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)sgemm;
    }

    /// <summary>OpenBLAS first, then whatever BLAS the system's alternatives point <c>libblas.so.3</c> at.</summary>
    public static IReadOnlyList<string> DefaultLibraries { get; } = ["libopenblas.so.0", "libblas.so.3"];

    public override string Name { get; }

    /// <summary>The first library that loads and exports both gemms, or null.</summary>
    public static NativeBlas? TryLoad(IEnumerable<string> libraries)
    {
        foreach (var library in libraries)
        {
            if (!NativeLibrary.TryLoad(library, out var handle))
            {
                continue;
            }

            if (NativeLibrary.TryGetExport(handle, "cblas_dgemm", out var d) && NativeLibrary.TryGetExport(handle, "cblas_sgemm", out var s))
            {
                var kind = NativeLibrary.TryGetExport(handle, "openblas_get_config", out _) ? "OpenBLAS" : "BLAS";
                return new NativeBlas($"{kind} ({library})", d, s);
            }

            NativeLibrary.Free(handle);
        }

        return null;
    }

    private protected override void Multiply(
        bool transposeA, bool transposeB, double[] a, int rowsA, int columnsA, double[] b, int rowsB, int columnsB, double[] c)
    {
        var (m, n, k) = Shape(transposeA, transposeB, rowsA, columnsA, rowsB, columnsB, a.Length, b.Length, c.Length);
        fixed (double* pa = a, pb = b, pc = c)
        {
            dgemm(ColumnMajor, Op(transposeA), Op(transposeB), m, n, k, 1.0, pa, Math.Max(1, rowsA), pb, Math.Max(1, rowsB), 0.0, pc, Math.Max(1, m));
        }
    }

    private protected override void Multiply(
        bool transposeA, bool transposeB, float[] a, int rowsA, int columnsA, float[] b, int rowsB, int columnsB, float[] c)
    {
        var (m, n, k) = Shape(transposeA, transposeB, rowsA, columnsA, rowsB, columnsB, a.Length, b.Length, c.Length);
        fixed (float* pa = a, pb = b, pc = c)
        {
            sgemm(ColumnMajor, Op(transposeA), Op(transposeB), m, n, k, 1.0f, pa, Math.Max(1, rowsA), pb, Math.Max(1, rowsB), 0.0f, pc, Math.Max(1, m));
        }
    }

    private static int Op(bool transpose) => transpose ? Trans : NoTrans;

    // Native code does not check bounds: every size is checked here, once, against the arrays.
    private static (int M, int N, int K) Shape(
        bool transposeA, bool transposeB, int rowsA, int columnsA, int rowsB, int columnsB, int lengthA, int lengthB, int resultLength)
    {
        if (rowsA * columnsA != lengthA || rowsB * columnsB != lengthB)
        {
            throw new ArgumentException($"gemm: A ({rowsA}, {columnsA}) has {lengthA} values, B ({rowsB}, {columnsB}) has {lengthB}.");
        }

        var (m, k) = transposeA ? (columnsA, rowsA) : (rowsA, columnsA);
        var (kb, n) = transposeB ? (columnsB, rowsB) : (rowsB, columnsB);
        if (k != kb || m * n != resultLength)
        {
            throw new ArgumentException($"gemm: op(A) is ({m}, {k}), op(B) is ({kb}, {n}), C has {resultLength} values.");
        }

        return (m, n, k);
    }
}
