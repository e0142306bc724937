using System.Numerics;

namespace Parity.HandRolled.Maths.Lanes;

/// <summary>
/// <c>torch.lerp(start, end, weight)</c> as PyTorch's vectorised CPU kernel computes it: start + w·(end − start) when
/// |w| &lt; 0.5, else end − (1 − w)·(end − start), each with one fused multiply-add. PyTorch 2.x's Adam, AdamW and
/// centered RMSprop keep their running means with it.
/// </summary>
internal static class Lerp
{
    /// <summary>The point <paramref name="weight"/> of the way from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public static TLanes Of<TLanes, T>(TLanes start, TLanes end, T weight)
        where TLanes : struct, ILanes<TLanes, T>
        where T : struct, IFloatingPointIeee754<T> =>
        T.Abs(weight) < T.CreateChecked(0.5)
            ? TLanes.FusedMultiplyAdd(TLanes.Of(weight), end - start, start)
            : TLanes.FusedMultiplyAdd(TLanes.Of(weight - T.One), end - start, end);
}
