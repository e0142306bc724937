using NUnit.Framework;
using Parity.HandRolled.Maths;
using Parity.HandRolled.Model;
using Parity.HandRolled.Optimizers;

namespace Parity.Tests.HandRolled.Maths.Lanes;

/// <summary>
/// A formula written over lanes gives each value the bits it gets alone: computed in one span of 37 values (whole vectors,
/// then a tail) and value by value (the tail's path only), tolerance 0, NaN, ±∞, ±0 and subnormals included.
/// </summary>
public sealed class LaneLoopTests
{
    private static readonly double[] Special = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, double.Epsilon, -1e-310, 1e300, -800];

    public static IEnumerable<TestCaseData> ElementwiseActivations() =>
        Enum.GetValues<Activation>().Where(a => !a.IsRowWise()).SelectMany(a => new[] { DType.Float64, DType.Float32 }
            .Select(d => new TestCaseData(a, d).SetArgDisplayNames(a.Name(), d.Name())));

    public static IEnumerable<TestCaseData> Optimizers() =>
        new (string Name, Optimizer Optimizer)[]
        {
            ("sgd nesterov decay", Optimizer.Sgd(0.9, nesterov: true, weightDecay: 0.1)),
            ("adam amsgrad", Optimizer.Adam(weightDecay: 0.1, amsgrad: true)),
            ("adamw", Optimizer.AdamW()),
            ("rmsprop centered momentum", Optimizer.RmsProp(momentum: 0.5, centered: true, weightDecay: 0.1)),
        }.SelectMany(o => new[] { DType.Float64, DType.Float32 }
            .Select(d => new TestCaseData(o.Optimizer, d).SetArgDisplayNames(o.Name, d.Name())));

    [TestCaseSource(nameof(ElementwiseActivations))]
    public void ForwardAndBackward_InVectorsOrAlone_SameBits(Activation activation, DType dtype)
    {
        if (dtype == DType.Float32)
        {
            Compare<float>(activation);
        }
        else
        {
            Compare<double>(activation);
        }
    }

    [TestCaseSource(nameof(Optimizers))]
    public void Step_InVectorsOrAlone_SameBits(Optimizer optimizer, DType dtype)
    {
        if (dtype == DType.Float32)
        {
            Compare<float>(optimizer);
        }
        else
        {
            Compare<double>(optimizer);
        }
    }

    private static void Compare<T>(Activation activation)
        where T : struct, System.Numerics.IFloatingPointIeee754<T>
    {
        var z = Values<T>(seed: 1);
        var upstream = Values<T>(seed: 2);
        var (a, delta) = (new T[z.Length], upstream.ToArray());
        Activations.Forward(activation, z, a, z.Length);
        Activations.Backward(activation, delta, z, a, z.Length);

        for (var i = 0; i < z.Length; i++)
        {
            var (alone, aloneDelta) = (new T[1], new[] { upstream[i] });
            Activations.Forward(activation, z.AsSpan(i, 1), alone, 1);
            Activations.Backward(activation, aloneDelta, z.AsSpan(i, 1), alone, 1);
            Assert.That((Bits(a[i]), Bits(delta[i])), Is.EqualTo((Bits(alone[0]), Bits(aloneDelta[0]))), $"{activation} at z = {z[i]}");
        }
    }

    private static void Compare<T>(Optimizer hyperparameters)
        where T : struct, System.Numerics.IFloatingPointIeee754<T>
    {
        var parameters = Values<T>(seed: 3);
        var together = ParameterOptimizer<T>.For(hyperparameters, [parameters.Length]);
        var alone = Enumerable.Range(0, parameters.Length).Select(_ => ParameterOptimizer<T>.For(hyperparameters, [1])).ToArray();
        var each = parameters.Select(p => new[] { p }).ToArray();
        for (var step = 0; step < 4; step++)
        {
            var gradient = Values<T>(seed: 10 + step);
            together.Step(0, parameters, gradient, 0.01);
            for (var i = 0; i < parameters.Length; i++)
            {
                alone[i].Step(0, each[i], gradient.AsSpan(i, 1), 0.01);
            }
        }

        Assert.That(parameters.Select(Bits), Is.EqualTo(each.Select(p => Bits(p[0]))));
    }

    // 37 values: ordinary ones in (−3, 3) with the special ones among them.
    private static T[] Values<T>(int seed)
        where T : struct, System.Numerics.IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, 37).Select(_ => (6 * random.NextDouble()) - 3).ToArray();
        Special.CopyTo(values, seed % 20);
        return [.. values.Select(T.CreateSaturating)];
    }

    private static long Bits<T>(T value)
        where T : struct, System.Numerics.IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? BitConverter.SingleToInt32Bits(float.CreateTruncating(value)) : BitConverter.DoubleToInt64Bits(double.CreateTruncating(value));
}
