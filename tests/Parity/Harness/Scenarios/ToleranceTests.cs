using NUnit.Framework;
using Parity.HandRolled.Model;
using Parity.Harness.Scenarios;

namespace Parity.Tests.Harness.Scenarios;

public sealed class ToleranceTests
{
    [TestCase(DType.Float64, 1.0, 2.220446049250313e-16)]
    [TestCase(DType.Float64, 0.25, 5.551115123125783e-17)]
    [TestCase(DType.Float64, -0.25, 5.551115123125783e-17)]
    [TestCase(DType.Float32, 1.0, 1.1920928955078125e-7)]
    [TestCase(DType.Float32, 0.25, 2.9802322387695312e-8)]
    public void Ulp_PowersOfTwo_AreTheDTypesSpacing(DType dtype, double x, double ulp) =>
        Assert.That(Tolerance.Ulp(dtype, x), Is.EqualTo(ulp));

    [TestCase(DType.Float64)]
    [TestCase(DType.Float32)]
    public void Rounding_AtTheEdge_AllowsExactlyTheRoundingUlpsOfTheScale(DType dtype)
    {
        const double scale = 0.25;
        var rule = Tolerance.Rounding(dtype, scale);
        var edge = Tolerance.RoundingUlps * Tolerance.Ulp(dtype, scale);

        Assert.Multiple(() =>
        {
            // A value near zero gets the allowance of the quantity's scale, not of itself.
            Assert.That(rule.IsClose(1e-20 + edge, 1e-20), Is.True);
            Assert.That(rule.IsClose(0.2 + (edge * 1.01), 0.2), Is.False);
            Assert.That(rule.IsClose(-0.2 - edge, -0.2), Is.True);
        });
    }

    [Test]
    public void Rounding_AFloat32Scale_IsWiderThanAFloat64OneByTheRatioOfTheirSpacings() =>
        Assert.That(Tolerance.Rounding(DType.Float32, 1).Atol / Tolerance.Rounding(DType.Float64, 1).Atol, Is.EqualTo(Math.Pow(2, 29)));

    [Test]
    public void Rounding_NonFiniteValues_AreCloseOnlyToThemselves()
    {
        var rule = Tolerance.Rounding(DType.Float64, 1);

        Assert.Multiple(() =>
        {
            Assert.That(rule.IsClose(double.NaN, double.NaN), Is.True);
            Assert.That(rule.IsClose(double.PositiveInfinity, 1), Is.False);
            Assert.That(rule.IsClose(1, double.NegativeInfinity), Is.False);
        });
    }

    [Test]
    public void Scale_SkipsNonFiniteValues() =>
        Assert.That(Tolerance.Scale([0.5, -2, double.NaN, double.NegativeInfinity]), Is.EqualTo(2));

    [Test]
    public void Scale_OfNothing_IsZero() => Assert.That(Tolerance.Scale([]), Is.Zero);
}
