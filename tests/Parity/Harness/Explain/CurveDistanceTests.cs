using NUnit.Framework;
using Parity.Harness.Explain;

namespace Parity.Tests.Harness.Explain;

/// <summary>The curve distance: mean |log10 a − log10 e| over epochs.</summary>
public sealed class CurveDistanceTests
{
    [Test]
    public void Between_SameCurve_IsZero() =>
        Assert.That(CurveDistance.Between([0.25, 0.1, 1e-3], [0.25, 0.1, 1e-3]), Is.Zero);

    [Test]
    public void Between_TenfoldApartEverywhere_IsOneDecade() =>
        Assert.That(CurveDistance.Between([0.25, 0.1], [0.025, 1.0]), Is.EqualTo(1.0).Within(1e-15));

    [Test]
    public void Between_NaNOnOneSide_IsInfinite() =>
        Assert.That(CurveDistance.Between([0.25, double.NaN], [0.25, 0.1]), Is.EqualTo(double.PositiveInfinity));

    [TestCase(0.5, 0.25, 0.5)]
    [TestCase(0.5, 0.75, -0.5)]
    [TestCase(0.0, 0.0, 0.0)]
    public void Removed_FromBaseline_IsTheFractionGone(double baseline, double distance, double expected) =>
        Assert.That(CurveDistance.Removed(baseline, distance), Is.EqualTo(expected).Within(1e-15));
}
