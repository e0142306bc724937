using System.Numerics;
using NUnit.Framework;
using Parity.HandRolled.Maths.Lanes;
using Parity.TorchReference.TorchSharp;
using static TorchSharp.torch;

namespace Parity.Tests.HandRolled.Maths.Lanes;

/// <summary><see cref="Lerp"/> against libtorch 2.10's <c>torch.lerp</c> with a scalar weight, in both dtypes.</summary>
public sealed class LerpTests
{
    [TestCase(0.1, TestName = "Of_WeightBelowHalf_EqualsTorchLerpBitForBit")]
    [TestCase(0.7, TestName = "Of_WeightFromHalf_EqualsTorchLerpBitForBit")]
    public void Of_RandomSpans_EqualsTorchLerpBitForBit(double weight)
    {
        // 37 values: whole vectors of lanes and a tail, on both sides.
        var random = new Random(2);
        var start = Enumerable.Range(0, 37).Select(_ => (2 * random.NextDouble()) - 1).ToArray();
        var end = Enumerable.Range(0, 37).Select(_ => 100 * ((2 * random.NextDouble()) - 1)).ToArray();

        var ours = new double[start.Length];
        LaneLoop.Run<LerpKernel<double>, double>(new(start, end, ours, weight), start.Length);
        var oursFloat = new float[start.Length];
        LaneLoop.Run<LerpKernel<float>, float>(new([.. start.Select(v => (float)v)], [.. end.Select(v => (float)v)], oursFloat, (float)weight), start.Length);

        NativeLoader.Ensure();
        using var scope = NewDisposeScope();
        var torch = tensor(start, ScalarType.Float64).lerp(tensor(end, ScalarType.Float64), weight).data<double>().ToArray();
        var torchFloat = tensor(start, ScalarType.Float64).to(ScalarType.Float32)
            .lerp(tensor(end, ScalarType.Float64).to(ScalarType.Float32), weight).data<float>().ToArray();

        // Tolerance 0: both are one fused multiply-add of the same operands.
        Assert.That(ours, Is.EqualTo(torch));
        Assert.That(oursFloat, Is.EqualTo(torchFloat));
    }

    private readonly ref struct LerpKernel<T>(ReadOnlySpan<T> start, ReadOnlySpan<T> end, Span<T> result, T weight)
        : ILaneKernel<T>
        where T : struct, IFloatingPointIeee754<T>
    {
        private readonly ReadOnlySpan<T> start = start;
        private readonly ReadOnlySpan<T> end = end;
        private readonly Span<T> result = result;

        public void At<TLanes>(int index)
            where TLanes : struct, ILanes<TLanes, T> =>
            Lerp.Of(TLanes.Load(start, index), TLanes.Load(end, index), weight).Store(result, index);
    }
}
