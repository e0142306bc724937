using System.Numerics;
using Parity.HandRolled.Maths.Lanes;

namespace Parity.HandRolled.Maths.ActivationFunctions;

/// <summary>tanh(z); tanh′ from the output: 1 − a².</summary>
internal readonly struct Tanh : IElementwiseActivation
{
    public static TLanes Apply<TLanes, T>(TLanes z)
        where TLanes : struct, ILanes<TLanes, T>
        where T : struct, IFloatingPointIeee754<T> => TLanes.Tanh(z);

    public static TLanes Derivative<TLanes, T>(TLanes z, TLanes a)
        where TLanes : struct, ILanes<TLanes, T>
        where T : struct, IFloatingPointIeee754<T> => TLanes.One - (a * a);
}
