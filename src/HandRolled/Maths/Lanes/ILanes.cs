using System.Numerics;

namespace Parity.HandRolled.Maths.Lanes;

/// <summary>
/// The arithmetic an element-wise formula is written in, once, for one number (<see cref="ScalarLane{T}"/>) and for a
/// vector of them (<see cref="VectorLanes{T}"/>): each operation is the same IEEE operation on every lane, so a value
/// computed on the lanes has the bits it has computed alone (.NET never fuses a multiply and an add unless asked by
/// <see cref="FusedMultiplyAdd"/>). <see cref="LaneLoop"/> runs a formula over whole vectors, then the rest one by one.
/// </summary>
/// <typeparam name="TSelf">The implementing lane type.</typeparam>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
internal interface ILanes<TSelf, T>
    where TSelf : struct, ILanes<TSelf, T>
    where T : struct, IFloatingPointIeee754<T>
{
    /// <summary>How many values one holds.</summary>
    static abstract int Count { get; }

    /// <summary>0 on every lane.</summary>
    static abstract TSelf Zero { get; }

    /// <summary>1 on every lane.</summary>
    static abstract TSelf One { get; }

    static abstract TSelf operator +(TSelf left, TSelf right);

    static abstract TSelf operator -(TSelf left, TSelf right);

    static abstract TSelf operator *(TSelf left, TSelf right);

    static abstract TSelf operator /(TSelf left, TSelf right);

    static abstract TSelf operator -(TSelf value);

    /// <summary><paramref name="value"/> on every lane.</summary>
    static abstract TSelf Of(T value);

    /// <summary>The <see cref="Count"/> values from <paramref name="index"/> on.</summary>
    static abstract TSelf Load(ReadOnlySpan<T> values, int index);

    /// <summary>√x, correctly rounded.</summary>
    static abstract TSelf Sqrt(TSelf x);

    /// <summary>The greater of x and y, NaN when either is (as <c>torch.maximum</c>).</summary>
    static abstract TSelf Max(TSelf x, TSelf y);

    /// <summary>a·b + c rounded once: what PyTorch's vectorised kernels compute where they call <c>fmadd</c>.</summary>
    static abstract TSelf FusedMultiplyAdd(TSelf a, TSelf b, TSelf c);

    /// <summary><paramref name="then"/> where <paramref name="condition"/> &gt; 0, else <paramref name="otherwise"/> (NaN, ±0: otherwise).</summary>
    static abstract TSelf WherePositive(TSelf condition, TSelf then, TSelf otherwise);

    /// <summary>e^x as <see cref="Exponential.Exp{T}"/> computes it, lane by lane.</summary>
    static abstract TSelf Exp(TSelf x);

    /// <summary>tanh(x) as <see cref="IHyperbolicFunctions{TSelf}.Tanh"/> computes it, lane by lane.</summary>
    static abstract TSelf Tanh(TSelf x);

    /// <summary>Writes the values to <paramref name="values"/> from <paramref name="index"/> on.</summary>
    void Store(Span<T> values, int index);
}
