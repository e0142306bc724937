using System.Numerics;

namespace Parity.HandRolled.Fast;

/// <summary>
/// The products of the fast engine for tiny layers, column-major, in exactly the order of MathNet's managed
/// provider: each element is <c>sum = 0; sum += a·b</c> over the inner index, ascending. So the fast engine's
/// numbers are the readable engine's, bit for bit, without a matrix (or MathNet's row and column copies) per call.
/// </summary>
internal static class Kernels
{
    /// <summary>c (m, n) = a (m, k) · b (k, n).</summary>
    public static void Multiply<T>(T[] a, T[] b, T[] c, int m, int k, int n)
        where T : struct, IFloatingPointIeee754<T>
    {
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < m; i++)
            {
                var sum = T.Zero;
                for (var p = 0; p < k; p++)
                {
                    sum += a[i + (p * m)] * b[p + (j * k)];
                }

                c[i + (j * m)] = sum;
            }
        }
    }

    /// <summary>c (m, n) = aᵀ · b with a stored (k, m) and b (k, n): a weight gradient, layerᵀ · delta.</summary>
    public static void TransposeThisAndMultiply<T>(T[] a, T[] b, T[] c, int k, int m, int n)
        where T : struct, IFloatingPointIeee754<T>
    {
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < m; i++)
            {
                var sum = T.Zero;
                for (var p = 0; p < k; p++)
                {
                    sum += a[p + (i * k)] * b[p + (j * k)];
                }

                c[i + (j * m)] = sum;
            }
        }
    }

    /// <summary>c (m, n) = a · bᵀ with a stored (m, k) and b (n, k): the delta sent back, delta · Wᵀ.</summary>
    public static void TransposeAndMultiply<T>(T[] a, T[] b, T[] c, int m, int k, int n)
        where T : struct, IFloatingPointIeee754<T>
    {
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < m; i++)
            {
                var sum = T.Zero;
                for (var p = 0; p < k; p++)
                {
                    sum += a[i + (p * m)] * b[j + (p * n)];
                }

                c[i + (j * m)] = sum;
            }
        }
    }
}
