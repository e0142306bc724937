using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Parity.HandRolled.Maths.Losses;
using Parity.HandRolled.Model;

namespace Parity.HandRolled.Maths;

/// <summary>
/// Each <see cref="Loss"/>'s value and gradient over predictions p (rows, D) and targets t stored column-major: (rows, D)
/// values, or (rows, 1) class indices for the losses that take them. The one place both engines and the logged quantity
/// compute them; the formulas live in <see cref="Losses"/>.
/// </summary>
internal static class LossFunctions
{
    /// <summary>Whether the loss takes class indices (an (N, 1) column) rather than targets of the output's width.</summary>
    public static bool TakesClassIndices(this Loss loss) => loss is Loss.CrossEntropy or Loss.Nll;

    /// <summary>The loss whose value is the logged quantity.</summary>
    public static Loss Quantity(this Logged logged) => logged switch
    {
        Logged.Mse => Loss.Mse,
        Logged.CrossEntropy => Loss.CrossEntropy,
        _ => throw new ArgumentOutOfRangeException(nameof(logged), logged, null),
    };

    /// <summary>The loss value.</summary>
    public static T Value<T>(Loss loss, ReadOnlySpan<T> p, ReadOnlySpan<T> t, int rows)
        where T : struct, IFloatingPointIeee754<T> => loss switch
        {
            Loss.Mse => ElementwiseLoss.Value<Mse, T>(p, t),
            Loss.Sse => ElementwiseLoss.Value<Sse, T>(p, t),
            Loss.HalfSse => ElementwiseLoss.Value<HalfSse, T>(p, t),
            Loss.HalfMse => ElementwiseLoss.Value<HalfMse, T>(p, t),
            Loss.L1 => ElementwiseLoss.Value<L1, T>(p, t),
            Loss.SmoothL1 => ElementwiseLoss.Value<SmoothL1, T>(p, t),
            Loss.Bce => ElementwiseLoss.Value<Bce, T>(p, t),
            Loss.BceWithLogits => ElementwiseLoss.Value<BceWithLogits, T>(p, t),
            Loss.CrossEntropy => CrossEntropy.Value(p, t, rows),
            Loss.Nll => Nll.Value(p, t, rows),
            _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, null),
        };

    /// <summary>∂loss/∂p into <paramref name="gradient"/>, (rows, D).</summary>
    public static void Gradient<T>(Loss loss, ReadOnlySpan<T> p, ReadOnlySpan<T> t, Span<T> gradient, int rows)
        where T : struct, IFloatingPointIeee754<T>
    {
        switch (loss)
        {
            case Loss.Mse:
                ElementwiseLoss.Gradient<Mse, T>(p, t, gradient);
                break;
            case Loss.Sse:
                ElementwiseLoss.Gradient<Sse, T>(p, t, gradient);
                break;
            case Loss.HalfSse:
                ElementwiseLoss.Gradient<HalfSse, T>(p, t, gradient);
                break;
            case Loss.HalfMse:
                ElementwiseLoss.Gradient<HalfMse, T>(p, t, gradient);
                break;
            case Loss.L1:
                ElementwiseLoss.Gradient<L1, T>(p, t, gradient);
                break;
            case Loss.SmoothL1:
                ElementwiseLoss.Gradient<SmoothL1, T>(p, t, gradient);
                break;
            case Loss.Bce:
                ElementwiseLoss.Gradient<Bce, T>(p, t, gradient);
                break;
            case Loss.BceWithLogits:
                ElementwiseLoss.Gradient<BceWithLogits, T>(p, t, gradient);
                break;
            case Loss.CrossEntropy:
                CrossEntropy.Gradient(p, t, gradient, rows);
                break;
            case Loss.Nll:
                Nll.Gradient(p, t, gradient, rows);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(loss), loss, null);
        }
    }

    /// <summary>The readable engine's loss value of predictions p against targets t.</summary>
    public static T Value<T>(Loss loss, Matrix<T> p, Matrix<T> t)
        where T : struct, IFloatingPointIeee754<T> => Value(loss, Storage.Of(p), Storage.Of(t), p.RowCount);

    /// <summary>The readable engine's ∂loss/∂p, a new matrix of p's shape.</summary>
    public static Matrix<T> Gradient<T>(Loss loss, Matrix<T> p, Matrix<T> t)
        where T : struct, IFloatingPointIeee754<T>
    {
        var gradient = Matrix<T>.Build.Dense(p.RowCount, p.ColumnCount);
        Gradient(loss, Storage.Of(p), Storage.Of(t), gradient.AsColumnMajorArray(), p.RowCount);
        return gradient;
    }

    /// <summary>The seed's logged loss: true MSE, mean((p − t)²).</summary>
    public static T Mse<T>(Matrix<T> p, Matrix<T> t)
        where T : struct, IFloatingPointIeee754<T> => Value(Loss.Mse, p, t);
}
