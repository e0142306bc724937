using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Parity.HandRolled.Model;

namespace Parity.HandRolled.Maths;

/// <summary>The losses over predictions p and targets t, both (N, D), with PyTorch's definitions.</summary>
internal static class LossFunctions
{
    /// <summary>The loss value.</summary>
    public static T Value<T>(Loss loss, Matrix<T> p, Matrix<T> t)
        where T : struct, IFloatingPointIeee754<T>
    {
        var x = p - t;
        var count = T.CreateChecked(x.RowCount * x.ColumnCount);
        var half = T.CreateChecked(0.5);
        return loss switch
        {
            Loss.Mse => SumOfSquares(x) / count,
            Loss.Sse => SumOfSquares(x),
            Loss.HalfSse => half * SumOfSquares(x),
            Loss.HalfMse => half * (SumOfSquares(x) / count),
            Loss.L1 => x.Enumerate().Aggregate(T.Zero, (s, v) => s + T.Abs(v)) / count,
            Loss.SmoothL1 => x.Enumerate().Aggregate(T.Zero, (s, v) => s + SmoothL1(v)) / count,
            _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, null),
        };
    }

    /// <summary>∂loss/∂p, shape (N, D).</summary>
    public static Matrix<T> Gradient<T>(Loss loss, Matrix<T> p, Matrix<T> t)
        where T : struct, IFloatingPointIeee754<T>
    {
        var x = p - t;
        var count = T.CreateChecked(x.RowCount * x.ColumnCount);
        var two = T.CreateChecked(2);
        return loss switch
        {
            Loss.Mse => x * (two / count),
            Loss.Sse => x * two,
            Loss.HalfSse => x,
            Loss.HalfMse => x * (T.One / count),
            Loss.L1 => x.Map(v => Sign(v) / count),
            Loss.SmoothL1 => x.Map(v => (T.Abs(v) < T.One ? v : Sign(v)) / count),
            _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, null),
        };
    }

    /// <summary>The logged loss: true MSE, mean((p − t)²).</summary>
    public static T Mse<T>(Matrix<T> p, Matrix<T> t)
        where T : struct, IFloatingPointIeee754<T> => Value(Loss.Mse, p, t);

    private static T SumOfSquares<T>(Matrix<T> x)
        where T : struct, IFloatingPointIeee754<T> => x.Enumerate().Aggregate(T.Zero, (s, v) => s + (v * v));

    // T.Sign throws on NaN (Math.Sign does); a NaN residual must reach the trace, not stop training, so it stays NaN.
    private static T Sign<T>(T v)
        where T : struct, IFloatingPointIeee754<T> => T.IsNaN(v) ? v : T.CreateChecked(T.Sign(v));

    private static T SmoothL1<T>(T v)
        where T : struct, IFloatingPointIeee754<T> =>
        T.Abs(v) < T.One ? T.CreateChecked(0.5) * v * v : T.Abs(v) - T.CreateChecked(0.5);
}
