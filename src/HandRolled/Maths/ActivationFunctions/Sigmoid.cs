using System.Numerics;
using Parity.HandRolled.Maths.Lanes;

namespace Parity.HandRolled.Maths.ActivationFunctions;

/// <summary>
/// σ(z) = 1 / (1 + e^−z), as PyTorch's CPU kernel; σ′ from the output, as the seed's numpy code: (1 − a)·a.
/// In float32 the fast engine runs σ on <see cref="Fast.VectorSigmoid"/>, this formula's bits on eight lanes.
/// </summary>
internal readonly struct Sigmoid : IElementwiseActivation
{
    public static TLanes Apply<TLanes, T>(TLanes z)
        where TLanes : struct, ILanes<TLanes, T>
        where T : struct, IFloatingPointIeee754<T> => TLanes.One / (TLanes.One + TLanes.Exp(-z));

    public static TLanes Derivative<TLanes, T>(TLanes z, TLanes a)
        where TLanes : struct, ILanes<TLanes, T>
        where T : struct, IFloatingPointIeee754<T> => (TLanes.One - a) * a;
}
