using System.Numerics;
using Parity.HandRolled.Maths.Lanes;

namespace Parity.HandRolled.Maths.ActivationFunctions;

/// <summary>
/// An activation applied to each element on its own: its f and f′, each written once over <see cref="ILanes{TSelf, T}"/>,
/// so that both engines, on whole vectors and one value at a time, compute the same bits.
/// </summary>
internal interface IElementwiseActivation
{
    /// <summary>a = f(z).</summary>
    static abstract TLanes Apply<TLanes, T>(TLanes z)
        where TLanes : struct, ILanes<TLanes, T>
        where T : struct, IFloatingPointIeee754<T>;

    /// <summary>f′(z), from the pre-activation z and the output a = f(z), whichever the formula reads.</summary>
    static abstract TLanes Derivative<TLanes, T>(TLanes z, TLanes a)
        where TLanes : struct, ILanes<TLanes, T>
        where T : struct, IFloatingPointIeee754<T>;
}
