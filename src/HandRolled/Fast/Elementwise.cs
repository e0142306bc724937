using System.Numerics;
using System.Runtime.InteropServices;
using Parity.HandRolled.Maths;
using Parity.HandRolled.Model;

namespace Parity.HandRolled.Fast;

/// <summary>
/// The element-wise maths of <see cref="Maths.Activations"/> and <see cref="Maths.LossFunctions"/>, written into
/// preallocated arrays. Each formula is the readable one, operand for operand, so that the results are identical.
/// Where a loop runs over <see cref="Vector{T}"/> lanes first, each lane does the same IEEE operations in the same
/// order as the scalar loop after it (.NET never fuses a multiply and an add on its own), so the bits are the same.
/// </summary>
internal static class Elementwise
{
    private const double SeluAlpha = 1.6732632423543772848170429916717;
    private const double SeluScale = 1.0507009873554804934193349852946;

    /// <summary>a = f(z) on the first <paramref name="count"/> values.</summary>
    public static void Activate<T>(Activation activation, T[] z, T[] a, int count)
        where T : struct, IFloatingPointIeee754<T>
    {
        switch (activation)
        {
            case Activation.Sigmoid when typeof(T) == typeof(float):
                VectorSigmoid.Apply(MemoryMarshal.Cast<T, float>(z.AsSpan(0, count)), MemoryMarshal.Cast<T, float>(a.AsSpan(0, count)));
                break;
            case Activation.Sigmoid:
                for (var i = 0; i < count; i++)
                {
                    a[i] = T.One / (T.One + Exponential.Exp(-z[i]));
                }

                break;
            case Activation.Tanh:
                for (var i = 0; i < count; i++)
                {
                    a[i] = T.Tanh(z[i]);
                }

                break;
            case Activation.Relu:
                {
                    // Lanes select as the scalar does (NaN and −0 give 0) and without a branch on each sign.
                    var i = 0;
                    for (; i <= count - Vector<T>.Count; i += Vector<T>.Count)
                    {
                        var lane = new Vector<T>(z, i);
                        Vector.ConditionalSelect(Vector.GreaterThan(lane, Vector<T>.Zero), lane, Vector<T>.Zero).CopyTo(a, i);
                    }

                    for (; i < count; i++)
                    {
                        a[i] = z[i] > T.Zero ? z[i] : T.Zero;
                    }

                    break;
                }
            case Activation.Selu:
                var scale = T.CreateChecked(SeluScale);
                var alphaScale = T.CreateChecked(SeluAlpha * SeluScale);
                for (var i = 0; i < count; i++)
                {
                    a[i] = z[i] > T.Zero ? z[i] * scale : (Exponential.Exp(z[i]) - T.One) * alphaScale;
                }

                break;
            case Activation.Identity:
                Array.Copy(z, a, count);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, null);
        }
    }

    /// <summary>delta ∘= f'(z), f' from the pre-activation z and the output a.</summary>
    public static void MultiplyByDerivative<T>(Activation activation, T[] delta, T[] z, T[] a, int count)
        where T : struct, IFloatingPointIeee754<T>
    {
        switch (activation)
        {
            case Activation.Sigmoid:
                {
                    var i = 0;
                    for (var one = Vector<T>.One; i <= count - Vector<T>.Count; i += Vector<T>.Count)
                    {
                        var lane = new Vector<T>(a, i);
                        (new Vector<T>(delta, i) * ((one - lane) * lane)).CopyTo(delta, i);
                    }

                    for (; i < count; i++)
                    {
                        delta[i] *= (T.One - a[i]) * a[i];
                    }

                    break;
                }
            case Activation.Tanh:
                {
                    var i = 0;
                    for (var one = Vector<T>.One; i <= count - Vector<T>.Count; i += Vector<T>.Count)
                    {
                        var lane = new Vector<T>(a, i);
                        (new Vector<T>(delta, i) * (one - (lane * lane))).CopyTo(delta, i);
                    }

                    for (; i < count; i++)
                    {
                        delta[i] *= T.One - (a[i] * a[i]);
                    }

                    break;
                }
            case Activation.Relu:
                {
                    var i = 0;
                    for (; i <= count - Vector<T>.Count; i += Vector<T>.Count)
                    {
                        var slope = Vector.ConditionalSelect(Vector.GreaterThan(new Vector<T>(a, i), Vector<T>.Zero), Vector<T>.One, Vector<T>.Zero);
                        (new Vector<T>(delta, i) * slope).CopyTo(delta, i);
                    }

                    for (; i < count; i++)
                    {
                        delta[i] *= a[i] > T.Zero ? T.One : T.Zero;
                    }

                    break;
                }
            case Activation.Selu:
                var scale = T.CreateChecked(SeluScale);
                var alphaScale = T.CreateChecked(SeluAlpha * SeluScale);
                for (var i = 0; i < count; i++)
                {
                    delta[i] *= z[i] > T.Zero ? scale : alphaScale * Exponential.Exp(z[i]);
                }

                break;
            case Activation.Identity:
                for (var i = 0; i < count; i++)
                {
                    delta[i] *= T.One;
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, null);
        }
    }

    /// <summary>
    /// From predictions p and targets t (count = N·D values): writes ∂loss/∂p into <paramref name="gradient"/> and
    /// returns the logged loss, mean((p − t)²), summed in storage order as MathNet enumerates a dense matrix.
    /// </summary>
    public static T LossGradientAndMse<T>(Loss loss, T[] p, T[] t, T[] gradient, int count)
        where T : struct, IFloatingPointIeee754<T>
    {
        var n = T.CreateChecked(count);
        var sumOfSquares = T.Zero;
        for (var i = 0; i < count; i++)
        {
            var x = p[i] - t[i];
            sumOfSquares += x * x;
            gradient[i] = x;
        }

        // MathNet's x * s is ScaleArray: s·x, a copy for s = 1 and zeros for s = 0.
        switch (loss)
        {
            case Loss.HalfSse:
                break;
            case Loss.Mse:
                Scale(T.CreateChecked(2) / n, gradient, count);
                break;
            case Loss.Sse:
                Scale(T.CreateChecked(2), gradient, count);
                break;
            case Loss.HalfMse:
                Scale(T.One / n, gradient, count);
                break;
            case Loss.L1:
                for (var i = 0; i < count; i++)
                {
                    gradient[i] = Sign(gradient[i]) / n;
                }

                break;
            case Loss.SmoothL1:
                for (var i = 0; i < count; i++)
                {
                    var x = gradient[i];
                    gradient[i] = (T.Abs(x) < T.One ? x : Sign(x)) / n;
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(loss), loss, null);
        }

        return sumOfSquares / n;
    }

    /// <summary>x ← s·x with MathNet's ScaleArray semantics (s = 0 clears, s = 1 leaves x as it is).</summary>
    public static void Scale<T>(T s, T[] x, int count)
        where T : struct, IFloatingPointIeee754<T>
    {
        if (s == T.Zero)
        {
            Array.Clear(x, 0, count);
        }
        else if (s != T.One)
        {
            var i = 0;
            for (var scale = new Vector<T>(s); i <= count - Vector<T>.Count; i += Vector<T>.Count)
            {
                (scale * new Vector<T>(x, i)).CopyTo(x, i);
            }

            for (; i < count; i++)
            {
                x[i] = s * x[i];
            }
        }
    }

    private static T Sign<T>(T v)
        where T : struct, IFloatingPointIeee754<T> => T.IsNaN(v) ? v : T.CreateChecked(T.Sign(v));
}
