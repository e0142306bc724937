using System.Numerics;

namespace Parity.HandRolled.Maths.Lanes;

/// <summary>Runs an element-wise kernel over <see cref="VectorLanes{T}"/> while whole vectors fit, then one element at a time.</summary>
internal static class LaneLoop
{
    /// <summary>
    /// Elements 0 to <paramref name="count"/> − 1 one at a time: for a formula whose lanes would each call a scalar
    /// function anyway (e^x, tanh), where loading and storing vectors only adds work. The same bits as <see cref="Run"/>.
    /// </summary>
    public static void RunOneByOne<TKernel, T>(TKernel kernel, int count)
        where TKernel : ILaneKernel<T>, allows ref struct
        where T : struct, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < count; i++)
        {
            kernel.At<ScalarLane<T>>(i);
        }
    }

    /// <summary>Elements 0 to <paramref name="count"/> − 1.</summary>
    public static void Run<TKernel, T>(TKernel kernel, int count)
        where TKernel : ILaneKernel<T>, allows ref struct
        where T : struct, IFloatingPointIeee754<T>
    {
        var i = 0;
        for (; i <= count - Vector<T>.Count; i += Vector<T>.Count)
        {
            kernel.At<VectorLanes<T>>(i);
        }

        for (; i < count; i++)
        {
            kernel.At<ScalarLane<T>>(i);
        }
    }
}
