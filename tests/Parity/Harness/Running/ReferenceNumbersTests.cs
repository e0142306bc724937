using NUnit.Framework;
using Parity.HandRolled.Model;
using Parity.Harness.Running;
using Parity.Harness.Scenarios;

namespace Parity.Tests.Harness.Running;

public sealed class ReferenceNumbersTests
{
    private static readonly ReferenceNumbers Committed = ReferenceNumbers.Curve("losses", [0.25, 0.125, 1e-18]);

    [Test]
    public void Compare_SameBits_IsNull() =>
        Assert.That(Committed.Compare(Live(0.25, 0.125, 1e-18), DType.Float64, exact: false), Is.Null);

    [Test]
    public void Compare_FewUlpsOfTheScale_IsWithinRoundingWithTheGreatestInUlps()
    {
        var ulp = Tolerance.Ulp(DType.Float64, 0.25);

        var difference = Committed.Compare(Live(0.25, 0.125 + (3 * ulp), 1e-18 + ulp), DType.Float64, exact: false);

        Assert.Multiple(() =>
        {
            Assert.That(difference!.Outside, Is.Null, "within the rule");
            Assert.That(difference.Index, Is.EqualTo(1));
            Assert.That(difference.Ulps, Is.EqualTo(3).Within(1e-9));
            Assert.That(difference.Greatest, Is.EqualTo("6.66e-16 of the largest of the losses (3 ulps) at epoch 1"));
        });
    }

    [Test]
    public void Compare_FewUlpsUnderExact_NamesTheFirstDifference()
    {
        var ulp = Tolerance.Ulp(DType.Float64, 0.25);

        var difference = Committed.Compare(Live(0.25, 0.125, 1e-18 + ulp), DType.Float64, exact: true);

        Assert.That(difference!.Outside, Is.EqualTo($"epoch 2 is 1E-18 committed, {1e-18 + ulp:R} live"));
    }

    [Test]
    public void Compare_BeyondTheRule_NamesTheFirstValueOutsideIt()
    {
        var beyond = (Tolerance.RoundingUlps + 1) * Tolerance.Ulp(DType.Float32, 0.25);

        var difference = Committed.Compare(Live(0.25 + beyond, 0.125 + beyond, 1e-18), DType.Float32, exact: false);

        Assert.That(difference!.Outside, Does.StartWith("epoch 0 is 0.25 committed, "));
    }

    [Test]
    public void Compare_ANaNWhereTheCommittedIsFinite_IsOutside() =>
        Assert.That(Committed.Compare(Live(0.25, double.NaN, 1e-18), DType.Float64, exact: false)!.Outside, Is.EqualTo("epoch 1 is 0.125 committed, NaN live"));

    [Test]
    public void Compare_OtherCount_IsOutside() =>
        Assert.That(Committed.Compare(Live(0.25, 0.125), DType.Float64, exact: false)!.Outside, Is.EqualTo("3 values committed, 2 live"));

    [Test]
    public void Tensors_LabelsEachValueByItsPrefixNameAndIndex()
    {
        var numbers = ReferenceNumbers.Tensors("gradients", [("step 0: ", [new NamedTensor("0.weight", [1, 2], [1.0, 2.0])])]);

        Assert.That(numbers.Labels, Is.EqualTo(new[] { "step 0: 0.weight[0]", "step 0: 0.weight[1]" }));
    }

    private static ReferenceNumbers Live(params double[] losses) => ReferenceNumbers.Curve("losses", losses);
}
