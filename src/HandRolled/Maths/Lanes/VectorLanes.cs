using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Parity.HandRolled.Maths.Lanes;

/// <summary>
/// <see cref="Vector{T}.Count"/> values at once. Arithmetic, √, max and the fused multiply-add are the hardware's
/// lane-wise IEEE operations, the same as <see cref="ScalarLane{T}"/>'s on each lane; e^x and tanh have no vector
/// form here and run lane by lane through the scalar function.
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
internal readonly struct VectorLanes<T>(Vector<T> value) : ILanes<VectorLanes<T>, T>
    where T : struct, IFloatingPointIeee754<T>
{
    private readonly Vector<T> value = value;

    public static int Count => Vector<T>.Count;

    public static VectorLanes<T> Zero => new(Vector<T>.Zero);

    public static VectorLanes<T> One => new(Vector<T>.One);

    public static VectorLanes<T> operator +(VectorLanes<T> left, VectorLanes<T> right) => new(left.value + right.value);

    public static VectorLanes<T> operator -(VectorLanes<T> left, VectorLanes<T> right) => new(left.value - right.value);

    public static VectorLanes<T> operator *(VectorLanes<T> left, VectorLanes<T> right) => new(left.value * right.value);

    public static VectorLanes<T> operator /(VectorLanes<T> left, VectorLanes<T> right) => new(left.value / right.value);

    public static VectorLanes<T> operator -(VectorLanes<T> value) => new(-value.value);

    public static VectorLanes<T> Of(T value) => new(new Vector<T>(value));

    public static VectorLanes<T> Load(ReadOnlySpan<T> values, int index)
    {
        Check(values.Length, index);
        return new(Vector.LoadUnsafe(ref MemoryMarshal.GetReference(values), (nuint)index));
    }

    public static VectorLanes<T> Sqrt(VectorLanes<T> x) => new(Vector.SquareRoot(x.value));

    // Vector.Max is IEEE 754:2019 maximum since .NET 9, as T.Max: NaN wins, +0 > −0.
    public static VectorLanes<T> Max(VectorLanes<T> x, VectorLanes<T> y) => new(Vector.Max(x.value, y.value));

    public static VectorLanes<T> FusedMultiplyAdd(VectorLanes<T> a, VectorLanes<T> b, VectorLanes<T> c)
    {
        if (typeof(T) == typeof(double))
        {
            return new(Vector.FusedMultiplyAdd(a.value.As<T, double>(), b.value.As<T, double>(), c.value.As<T, double>()).As<double, T>());
        }

        return new(Vector.FusedMultiplyAdd(a.value.As<T, float>(), b.value.As<T, float>(), c.value.As<T, float>()).As<float, T>());
    }

    public static VectorLanes<T> WherePositive(VectorLanes<T> condition, VectorLanes<T> then, VectorLanes<T> otherwise) =>
        new(Vector.ConditionalSelect(Vector.GreaterThan(condition.value, Vector<T>.Zero), then.value, otherwise.value));

    public static VectorLanes<T> Exp(VectorLanes<T> x) => EachLane<ExpFunction>(x);

    public static VectorLanes<T> Tanh(VectorLanes<T> x) => EachLane<TanhFunction>(x);

    public void Store(Span<T> values, int index)
    {
        Check(values.Length, index);
        value.StoreUnsafe(ref MemoryMarshal.GetReference(values), (nuint)index);
    }

    // One bounds check for the whole vector, where slicing and copying check twice.
    private static void Check(int length, int index)
    {
        if ((uint)index > (uint)(length - Count))
        {
            OutOfRange(length, index);
        }
    }

    [DoesNotReturn]
    private static void OutOfRange(int length, int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, $"{Count} lanes from {index} do not fit in {length} values.");

    // The scalar function on each lane, through a buffer on the stack.
    private static VectorLanes<T> EachLane<TFunction>(VectorLanes<T> x)
        where TFunction : IScalarFunction
    {
        var buffer = default(Buffer);
        Span<T> lanes = buffer;
        x.value.CopyTo(lanes);
        foreach (ref var v in lanes[..Count])
        {
            v = TFunction.Of(v);
        }

        return new(new Vector<T>(lanes));
    }

    // Room on the stack for the lanes of a Vector<T> of up to 512 bits, to run them one by one.
    [InlineArray(16)]
    private struct Buffer
    {
        private T element;
    }

    private interface IScalarFunction
    {
        static abstract T Of(T x);
    }

    private readonly struct ExpFunction : IScalarFunction
    {
        public static T Of(T x) => Exponential.Exp(x);
    }

    private readonly struct TanhFunction : IScalarFunction
    {
        public static T Of(T x) => T.Tanh(x);
    }
}
