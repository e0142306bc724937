using System.Numerics;

namespace Parity.HandRolled.Maths.Losses;

/// <summary>
/// A loss that is a reduction of one term per element, of prediction p and target t: its term and its derivative
/// (the reduction's factor included), each written once. <see cref="ElementwiseLoss"/> runs them over the N·D values.
/// </summary>
internal interface IElementwiseLoss
{
    /// <summary>The element's term, before the reduction.</summary>
    static abstract T Term<T>(T p, T t)
        where T : struct, IFloatingPointIeee754<T>;

    /// <summary>∂loss/∂p of the element; <paramref name="count"/> is N·D.</summary>
    static abstract T Slope<T>(T p, T t, T count)
        where T : struct, IFloatingPointIeee754<T>;

    /// <summary>The loss from the sum of the terms (in storage order) and N·D.</summary>
    static abstract T Reduce<T>(T sum, T count)
        where T : struct, IFloatingPointIeee754<T>;
}
