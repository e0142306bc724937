using NUnit.Framework;
using Parity.HandRolled.Model;
using Parity.Harness.Scenarios;

namespace Parity.Tests.Harness.Scenarios;

[TestFixture]
public sealed class NamesTests
{
    [Test]
    public void Maps_EveryMember_RoundTripsThroughItsName()
    {
        Assert.Multiple(() =>
        {
            RoundTrips(Names.Loss);
            RoundTrips(Names.Activation);
            RoundTrips(Names.DType);
            RoundTrips(Names.Batch);
            RoundTrips(Names.Init);
            RoundTrips(Names.Verdict);
        });
    }

    [Test]
    public void Names_AreTheContractsSpelling() =>
        Assert.Multiple(() =>
        {
            Assert.That(Names.Loss.All, Is.EqualTo(new[] { "mse", "sse", "half-sse", "half-mse", "l1", "smooth-l1", "cross-entropy", "nll", "bce", "bce-with-logits" }));
            Assert.That(Names.Activation.Expected, Is.EqualTo("sigmoid, tanh, relu, selu, identity, softmax, log-softmax"));
            Assert.That(Names.Batch.Of(BatchMode.PerSample), Is.EqualTo("per-sample"));
            Assert.That(Names.Init.Of(InitSource.Uniform01), Is.EqualTo("uniform01"));
            Assert.That(Names.Verdict.Of(Verdict.Mismatch), Is.EqualTo("mismatch"));
        });

    [Test]
    public void Parse_UnknownOrDifferentlyCasedName_ThrowsNamingTheChoices()
    {
        var error = Assert.Throws<FormatException>(() => Names.DType.Parse("Float64"))!;

        Assert.That(error.Message, Is.EqualTo("unknown DType \"Float64\"; expected one of float64, float32"));
    }

    private static void RoundTrips<T>(NameMap<T> names)
        where T : struct, Enum
    {
        foreach (var member in Enum.GetValues<T>())
        {
            Assert.That(names.Parse(names.Of(member)), Is.EqualTo(member), typeof(T).Name);
        }
    }
}
