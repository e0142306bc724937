using System.Numerics;

namespace Parity.HandRolled.Maths.Lanes;

/// <summary>One value: the <see cref="ILanes{TSelf, T}"/> of the tail of a loop, and of a formula used alone.</summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
internal readonly struct ScalarLane<T>(T value) : ILanes<ScalarLane<T>, T>
    where T : struct, IFloatingPointIeee754<T>
{
    public static int Count => 1;

    public static ScalarLane<T> Zero => new(T.Zero);

    public static ScalarLane<T> One => new(T.One);

    /// <summary>The value.</summary>
    public T Value { get; } = value;

    public static ScalarLane<T> operator +(ScalarLane<T> left, ScalarLane<T> right) => new(left.Value + right.Value);

    public static ScalarLane<T> operator -(ScalarLane<T> left, ScalarLane<T> right) => new(left.Value - right.Value);

    public static ScalarLane<T> operator *(ScalarLane<T> left, ScalarLane<T> right) => new(left.Value * right.Value);

    public static ScalarLane<T> operator /(ScalarLane<T> left, ScalarLane<T> right) => new(left.Value / right.Value);

    public static ScalarLane<T> operator -(ScalarLane<T> value) => new(-value.Value);

    public static ScalarLane<T> Of(T value) => new(value);

    public static ScalarLane<T> Load(ReadOnlySpan<T> values, int index) => new(values[index]);

    public static ScalarLane<T> Sqrt(ScalarLane<T> x) => new(T.Sqrt(x.Value));

    public static ScalarLane<T> Max(ScalarLane<T> x, ScalarLane<T> y) => new(T.Max(x.Value, y.Value));

    public static ScalarLane<T> FusedMultiplyAdd(ScalarLane<T> a, ScalarLane<T> b, ScalarLane<T> c) =>
        new(T.FusedMultiplyAdd(a.Value, b.Value, c.Value));

    public static ScalarLane<T> WherePositive(ScalarLane<T> condition, ScalarLane<T> then, ScalarLane<T> otherwise) =>
        condition.Value > T.Zero ? then : otherwise;

    public static ScalarLane<T> Exp(ScalarLane<T> x) => new(Exponential.Exp(x.Value));

    public static ScalarLane<T> Tanh(ScalarLane<T> x) => new(T.Tanh(x.Value));

    public void Store(Span<T> values, int index) => values[index] = Value;
}
