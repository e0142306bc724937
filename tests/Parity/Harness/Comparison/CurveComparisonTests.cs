using NUnit.Framework;
using Parity.Harness.Comparison;
using Parity.Harness.Scenarios;

namespace Parity.Tests.Harness.Comparison;

public sealed class CurveComparisonTests
{
    private static readonly Tolerance Tight = new(1e-3, 1e-6);

    [Test]
    public void Compare_WithinAtolPlusRtol_IsParity()
    {
        // 4e-4 off 0.5 is within 1e-6 + 1e-3·0.5 = 5.01e-4.
        var result = CurveComparison.Compare([0.5004, 0.25], [0.5, 0.25], Tight);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Parity));
        Assert.That(result.MismatchedCount, Is.Zero);
        Assert.That(result.FirstMismatchEpoch, Is.Null);
        Assert.That(result.MaxAbsDiff, Is.EqualTo(4e-4).Within(1e-12));
    }

    [Test]
    public void Compare_BeyondTheAllowance_CountsFirstAndWorstEpoch()
    {
        var result = CurveComparison.Compare([1.0, 0.51, 0.2, 0.15], [1.0, 0.5, 0.25, 0.1], Tight);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Mismatch));
        Assert.That(result.MismatchedCount, Is.EqualTo(3));
        Assert.That(result.FirstMismatchEpoch, Is.EqualTo(1));
        Assert.That(result.WorstEpoch, Is.EqualTo(3), "0.05 off 0.1 exceeds its allowance most");
        Assert.That(result.MaxAbsDiff, Is.EqualTo(0.05).Within(1e-15));
        Assert.That(result.MaxRelDiff, Is.EqualTo(0.5).Within(1e-12));
    }

    [Test]
    public void Compare_NaNOnEitherSide_IsAMismatchAndTheWorstEpoch()
    {
        var result = CurveComparison.Compare([0.5, double.NaN, double.NaN], [0.5, 0.4, double.NaN], Tight);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Mismatch));
        Assert.That(result.MismatchedCount, Is.EqualTo(2), "NaN on both sides is no agreement: training that blew up proves nothing");
        Assert.That(result.WorstEpoch, Is.EqualTo(1));
        Assert.That(result.MaxAbsDiff, Is.Zero, "differences are taken where both sides are finite");
    }

    [Test]
    public void Compare_InfinityAgainstAFiniteValue_IsAMismatch()
    {
        var result = CurveComparison.Compare([0.5], [double.PositiveInfinity], Tight);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Mismatch));
    }

    [Test]
    public void Compare_DifferentLengths_Throws() =>
        Assert.Throws<ArgumentException>(() => CurveComparison.Compare([0.5], [0.5, 0.4], Tight));
}
