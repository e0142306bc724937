using System.Numerics;
using Parity.HandRolled.Maths.Lanes;

namespace Parity.HandRolled.Maths.ActivationFunctions;

/// <summary>
/// <c>nn.SELU</c>: scale·z for z &gt; 0, else α·scale·(e^z − 1), with PyTorch's constants; the derivative from z:
/// scale, else α·scale·e^z.
/// </summary>
internal readonly struct Selu : IElementwiseActivation
{
    /// <summary>torch.nn.SELU's α.</summary>
    public const double Alpha = 1.6732632423543772848170429916717;

    /// <summary>torch.nn.SELU's scale.</summary>
    public const double Scale = 1.0507009873554804934193349852946;

    public static TLanes Apply<TLanes, T>(TLanes z)
        where TLanes : struct, ILanes<TLanes, T>
        where T : struct, IFloatingPointIeee754<T> =>
        TLanes.WherePositive(z, z * TLanes.Of(T.CreateChecked(Scale)), (TLanes.Exp(z) - TLanes.One) * TLanes.Of(T.CreateChecked(Alpha * Scale)));

    public static TLanes Derivative<TLanes, T>(TLanes z, TLanes a)
        where TLanes : struct, ILanes<TLanes, T>
        where T : struct, IFloatingPointIeee754<T> =>
        TLanes.WherePositive(z, TLanes.Of(T.CreateChecked(Scale)), TLanes.Of(T.CreateChecked(Alpha * Scale)) * TLanes.Exp(z));
}
