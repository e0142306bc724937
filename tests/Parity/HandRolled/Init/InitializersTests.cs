using NUnit.Framework;
using Parity.HandRolled.Init;
using Parity.HandRolled.Model;
using Parity.Tests.Support;

namespace Parity.Tests.HandRolled.Init;

public sealed class InitializersTests
{
    [Test]
    public void Uniform01_Seed0Xor_BitEqualToNumpy()
    {
        var reference = NumpyReference.Load();

        var parameters = Initializers.Uniform01(NumpyReference.Network, seed: 0);

        // Seeding must be bit-identical (the contract): no tolerance.
        Assert.That(parameters.Select(p => p.Name), Is.EqualTo(reference.InitialParameters.Select(p => p.Name)));
        for (var i = 0; i < reference.InitialParameters.Count; i++)
        {
            var expected = reference.InitialParameters[i];
            Assert.That(parameters[i].Shape, Is.EqualTo(expected.Shape), expected.Name);
            Assert.That(parameters[i].Values, Is.EqualTo(expected.Values), $"{expected.Name} is not numpy's draw");
        }
    }

    [Test]
    public void Uniform01_WithBias_DrawsEachBiasRightAfterItsWeight()
    {
        var reference = NumpyReference.Load();
        var withBias = NumpyReference.Network with { Bias = true };

        var parameters = Initializers.Uniform01(withBias, seed: 0).ToDictionary(p => p.Name);

        // Without bias numpy's 11th..15th draws are W2; with bias they become b1, drawn right after W1.
        Assert.That(parameters["0.weight"].Values, Is.EqualTo(reference.InitialParameters[0].Values));
        Assert.That(parameters["0.bias"].Values, Is.EqualTo(reference.InitialParameters[1].Values));
        Assert.That(parameters["0.bias"].Shape, Is.EqualTo(new[] { 5 }));
        Assert.That(parameters["1.bias"].Shape, Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public void Uniform01_SameSeed_SameValuesAndOtherSeedOthers()
    {
        var network = new NetworkSpec([3, 4, 2], [Activation.Tanh, Activation.Identity], Bias: true);

        var first = Initializers.Uniform01(network, seed: 7);
        var again = Initializers.Uniform01(network, seed: 7);
        var other = Initializers.Uniform01(network, seed: 8);

        Assert.That(again.SelectMany(p => p.Values), Is.EqualTo(first.SelectMany(p => p.Values)));
        Assert.That(other.SelectMany(p => p.Values), Is.Not.EqualTo(first.SelectMany(p => p.Values)));
        Assert.That(first.SelectMany(p => p.Values), Is.All.InRange(0.0, 1.0).And.All.Not.EqualTo(1.0));
    }

    [Test]
    public void Glorot_Seed0Xor_IsNumpysUniformDrawScaledToTheLimit()
    {
        var reference = NumpyReference.Load();
        const double Gain = 1.7;

        var parameters = Initializers.Glorot(NumpyReference.Network, seed: 0, Gain);

        // np.random.uniform(−l, l) = −l + (l − (−l))·random(): the same draws as Uniform01, mapped by the
        // same float64 operations, so equality is exact.
        for (var i = 0; i < reference.InitialParameters.Count; i++)
        {
            var shape = reference.InitialParameters[i].Shape;
            int fanOut = shape[0], fanIn = shape[1];
            var limit = Gain * Math.Sqrt(6.0 / (fanIn + fanOut));
            var expected = reference.InitialParameters[i].Values.Select(u => -limit + ((limit - -limit) * u));
            Assert.That(parameters[i].Values, Is.EqualTo(expected), reference.InitialParameters[i].Name);
        }
    }

    [Test]
    public void Glorot_WithBias_BiasesZeroAndWeightsWithinLimit()
    {
        var network = new NetworkSpec([4, 6, 3], [Activation.Tanh, Activation.Identity], Bias: true);

        var parameters = Initializers.Glorot(network, seed: 3, gain: 1.0).ToDictionary(p => p.Name);

        Assert.Multiple(() =>
        {
            Assert.That(parameters["0.bias"].Values, Is.All.EqualTo(0.0));
            Assert.That(parameters["1.bias"].Values, Is.All.EqualTo(0.0));
            var limit0 = Math.Sqrt(6.0 / (4 + 6));
            var limit1 = Math.Sqrt(6.0 / (6 + 3));
            Assert.That(parameters["0.weight"].Values, Is.All.InRange(-limit0, limit0));
            Assert.That(parameters["1.weight"].Values, Is.All.InRange(-limit1, limit1));
            Assert.That(parameters["0.weight"].Shape, Is.EqualTo(new[] { 6, 4 }));
            Assert.That(parameters["1.weight"].Shape, Is.EqualTo(new[] { 3, 6 }));
        });
    }
}
