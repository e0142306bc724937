using System.Numerics;
using Parity.HandRolled.Maths.Lanes;

namespace Parity.HandRolled.Maths.ActivationFunctions;

/// <summary>z itself, derivative 1: a linear layer.</summary>
internal readonly struct Identity : IElementwiseActivation
{
    public static TLanes Apply<TLanes, T>(TLanes z)
        where TLanes : struct, ILanes<TLanes, T>
        where T : struct, IFloatingPointIeee754<T> => z;

    public static TLanes Derivative<TLanes, T>(TLanes z, TLanes a)
        where TLanes : struct, ILanes<TLanes, T>
        where T : struct, IFloatingPointIeee754<T> => TLanes.One;
}
