using System.Runtime.CompilerServices;
using Parity.Common;

namespace Parity.HandRolled;

/// <summary>
/// Where the fast engine's large matrix products run: the system's BLAS (OpenBLAS's <c>cblas_?gemm</c> through
/// P/Invoke) when it can be loaded, otherwise MathNet's managed provider. Matrices are column-major, as MathNet
/// stores them; every product is <c>C = op(A) · op(B)</c>.
/// </summary>
public abstract class Blas
{
    private static readonly Lazy<Blas?> Native = new(() => NativeBlas.TryLoad(NativeBlas.DefaultLibraries));

    private protected Blas()
    {
    }

    /// <summary>MathNet's managed provider: always there, and what the readable engine's products use.</summary>
    public static Blas Managed { get; } = new ManagedBlas();

    /// <summary>The native BLAS, or null when none of <c>libopenblas.so.0</c>, <c>libblas.so.3</c> loads.</summary>
    public static Blas? System => Native.Value;

    /// <summary>
    /// The one the trainer uses: the native BLAS unless <c>PARITY_BLAS=managed</c> is set or none loads.
    /// </summary>
    public static Blas Default { get; } = Select(ParitySettings.Blas, () => System);

    /// <summary>What <see cref="Default"/> is, e.g. <c>OpenBLAS (libopenblas.so.0)</c> or <c>managed</c>.</summary>
    public static string Active => Default.Name;

    /// <summary>A name for people: the library, or <c>managed</c>.</summary>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>
    /// The choice behind <see cref="Default"/>: <c>managed</c> forces MathNet's provider; anything else (or
    /// nothing) takes the native BLAS when <paramref name="native"/> finds one.
    /// </summary>
    internal static Blas Select(string? setting, Func<Blas?> native) =>
        string.Equals(setting, "managed", StringComparison.OrdinalIgnoreCase) ? Managed : native() ?? Managed;

    /// <summary>
    /// <c>c = op(a) · op(b)</c>, all column-major; <paramref name="a"/> is stored (rowsA, columnsA) and
    /// <paramref name="b"/> (rowsB, columnsB) before the transposes, as MathNet's provider takes them.
    /// </summary>
    internal void Multiply<T>(
        bool transposeA, bool transposeB, T[] a, int rowsA, int columnsA, T[] b, int rowsB, int columnsB, T[] c)
        where T : struct
    {
        if (typeof(T) == typeof(double))
        {
            Multiply(transposeA, transposeB, Unsafe.As<double[]>(a), rowsA, columnsA, Unsafe.As<double[]>(b), rowsB, columnsB, Unsafe.As<double[]>(c));
        }
        else if (typeof(T) == typeof(float))
        {
            Multiply(transposeA, transposeB, Unsafe.As<float[]>(a), rowsA, columnsA, Unsafe.As<float[]>(b), rowsB, columnsB, Unsafe.As<float[]>(c));
        }
        else
        {
            throw new NotSupportedException($"BLAS products are for double and float, not {typeof(T).Name}.");
        }
    }

    private protected abstract void Multiply(
        bool transposeA, bool transposeB, double[] a, int rowsA, int columnsA, double[] b, int rowsB, int columnsB, double[] c);

    private protected abstract void Multiply(
        bool transposeA, bool transposeB, float[] a, int rowsA, int columnsA, float[] b, int rowsB, int columnsB, float[] c);
}
