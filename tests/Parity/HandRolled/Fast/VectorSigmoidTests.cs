using NUnit.Framework;
using Parity.HandRolled.Fast;
using Parity.HandRolled.Maths;
using Parity.Tests.Support;

namespace Parity.Tests.HandRolled.Fast;

/// <summary>
/// The fast engine's float32 sigmoid against the readable engine's formula, 1/(1 + e^−z) with <see cref="Expf.Exp"/>,
/// with tolerance 0: on eight lanes, in blocks that fall back to the scalar path and in the tail.
/// </summary>
public sealed class VectorSigmoidTests
{
    [Test]
    public void Apply_SweepOfFloats_EqualsTheScalarFormulaBitForBit()
    {
        // Every 1031st bit pattern, in arrays of 1000 (125 blocks): blocks with NaN, ±∞ or |z| ≥ 88 take the scalar
        // path, the others the lanes; both are checked against the formula.
        var z = new float[1000];
        var a = new float[1000];
        long b = 0, laneBlocks = 0;
        while (b < 1L << 32)
        {
            for (var i = 0; i < z.Length; i++, b += 1031)
            {
                z[i] = BitConverter.UInt32BitsToSingle((uint)b);
            }

            VectorSigmoid.Apply(z, a);

            for (var i = 0; i < z.Length; i++)
            {
                AssertSame(a[i], Scalar(z[i]), z[i]);
            }

            for (var block = 0; block < z.Length; block += 8)
            {
                laneBlocks += z.AsSpan(block, 8).ContainsAnyExceptInRange(-87.9f, 87.9f) ? 0 : 1;
            }
        }

        // Small |z| is where a network's pre-activations are; most of the bit patterns are not.
        Assert.That(laneBlocks, Is.GreaterThan(2_000), "blocks that ran on the lanes");
    }

    [Test]
    public void Apply_NetworkSizedValues_EqualTheScalarFormulaBitForBit()
    {
        var random = new Random(5);
        var z = Enumerable.Range(0, 65_536 + 5).Select(_ => (float)((random.NextDouble() * 40) - 20)).ToArray();
        var a = new float[z.Length];

        VectorSigmoid.Apply(z, a);

        for (var i = 0; i < z.Length; i++)
        {
            AssertSame(a[i], Scalar(z[i]), z[i]);
        }
    }

    [Test]
    public void Apply_InPlace_EqualsTheScalarFormula()
    {
        var z = Enumerable.Range(-50, 101).Select(i => i * 0.37f).ToArray();
        var expected = z.Select(Scalar).ToArray();

        VectorSigmoid.Apply(z, z);

        Assert.That(z, Is.EqualTo(expected));
    }

    [Test]
    public void Apply_OneLargeValueInABlock_OnlyThatBlockLeavesTheLanes()
    {
        float[] z = [0.5f, -1f, 2f, -3f, 100f, 0.25f, -0.125f, 7f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f];
        var a = new float[z.Length];

        VectorSigmoid.Apply(z, a);

        Assert.That(a, Is.EqualTo(z.Select(Scalar).ToArray()));
        Assert.That(a[4], Is.EqualTo(1f));
    }

    private static float Scalar(float z) => 1f / (1f + Expf.Exp(-z));

    private static void AssertSame(float actual, float expected, float z)
    {
        if (!BitExact.Same(actual, expected))
        {
            Assert.Fail($"sigmoid({z:R}) = {actual:R} on the lanes, {expected:R} by the formula (accelerated: {VectorSigmoid.IsAccelerated})");
        }
    }
}
