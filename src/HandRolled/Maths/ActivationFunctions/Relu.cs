using System.Numerics;
using Parity.HandRolled.Maths.Lanes;

namespace Parity.HandRolled.Maths.ActivationFunctions;

/// <summary>max(0, z), NaN and −0 giving 0; the derivative at 0 is 0, as PyTorch's (read from the output a).</summary>
internal readonly struct Relu : IElementwiseActivation
{
    public static TLanes Apply<TLanes, T>(TLanes z)
        where TLanes : struct, ILanes<TLanes, T>
        where T : struct, IFloatingPointIeee754<T> => TLanes.WherePositive(z, z, TLanes.Zero);

    public static TLanes Derivative<TLanes, T>(TLanes z, TLanes a)
        where TLanes : struct, ILanes<TLanes, T>
        where T : struct, IFloatingPointIeee754<T> => TLanes.WherePositive(a, TLanes.One, TLanes.Zero);
}
