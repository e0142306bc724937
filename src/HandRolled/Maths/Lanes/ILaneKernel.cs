using System.Numerics;

namespace Parity.HandRolled.Maths.Lanes;

/// <summary>
/// An element-wise computation over some spans, written once for any <see cref="ILanes{TSelf, T}"/>: reads its operands
/// at an index, computes, writes its results there. <see cref="LaneLoop.Run"/> calls it.
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
internal interface ILaneKernel<T>
    where T : struct, IFloatingPointIeee754<T>
{
    /// <summary>Computes the <see cref="ILanes{TSelf, T}.Count"/> elements from <paramref name="index"/> on.</summary>
    void At<TLanes>(int index)
        where TLanes : struct, ILanes<TLanes, T>;
}
