using NUnit.Framework;
using Parity.HandRolled.Model;
using Parity.Harness.Scenarios;
using Parity.Harness.Snapshots;

namespace Parity.Tests.Harness.Snapshots;

public sealed class SnapshotComparerTests
{
    // The store's defaults: a last-digit difference of exp passes, a change in the 7th significant digit does not.
    private static readonly Tolerance Default = new(1e-6, 1e-9);

    [Test]
    public void Tokenize_Numbers_AreSplitFromText()
    {
        var tokens = SnapshotComparer.Tokenize("loss=1.5e-3, -Infinity NaN 42 x.5");

        Assert.That(tokens.Where(t => t.IsNumber).Select(t => t.Text), Is.EqualTo(new[] { "1.5e-3", "-Infinity", "NaN", "42", ".5" }));
        Assert.That(string.Concat(tokens.Select(t => t.Text)), Is.EqualTo("loss=1.5e-3, -Infinity NaN 42 x.5"));
    }

    [TestCase("NaN", "NaN", true)]
    [TestCase("-Infinity", "-Infinity", true)]
    [TestCase("NaN", "0.25", false)]
    [TestCase("Infinity", "-Infinity", false)]
    [TestCase("Infinity", "0.25", false)]
    [TestCase("0.25", "0.25000000000000006", true)]
    [TestCase("0.25", "0.2500003", false)]
    public void Compare_Numbers_CloseWithinTolerance(string verified, string received, bool matches)
    {
        var comparison = SnapshotComparer.Compare($"epoch,torch\n0,{verified}\n", $"epoch,torch\n0,{received}\n", Default, csv: true);

        Assert.That(comparison.Matches, Is.EqualTo(matches));
    }

    [Test]
    public void Compare_Csv_NamesColumnOfGreatestDifference()
    {
        var comparison = SnapshotComparer.Compare(
            "epoch,\"handRolled\",torch\n0,0.25,0.25\n1,0.24,0.24\n",
            "epoch,\"handRolled\",torch\n0,0.26,0.25\n1,0.24,0.20\n",
            Default,
            csv: true);

        Assert.That(comparison.Greatest, Is.EqualTo(new NumericDifference("0.24", "0.20", 0.24 - 0.20, 1e-9 + (1e-6 * 0.24), 3, "torch")).Using<NumericDifference>(Same));
        Assert.That((comparison.DifferingLines, comparison.FirstLine), Is.EqualTo((2, 2)));
    }

    [Test]
    public void Compare_CsvQuotedFieldWithCommas_IsOneFieldOfItsColumn()
    {
        var comparison = SnapshotComparer.Compare(
            "note,value\n\"a, 1, 2\",0.25\n", "note,value\n\"a, 1, 2\",0.2501\n", Default, csv: true);

        Assert.That((comparison.Greatest?.Column, comparison.Greatest?.Line), Is.EqualTo(("value", 2)));
    }

    [TestCase("epoch,,torch\n0,0.25,0.25\n", "#2")]
    [TestCase("epoch\n0,0.25,0.25\n", "#2")]
    public void Compare_CsvColumnWithoutAHeader_IsNamedByItsPosition(string verified, string column)
    {
        var comparison = SnapshotComparer.Compare(verified, verified.Replace("0,0.25,", "0,0.3,", StringComparison.Ordinal), Default, csv: true);

        Assert.That(comparison.Greatest?.Column, Is.EqualTo(column));
    }

    [Test]
    public void Compare_CsvRecordWithAnotherFieldCount_IsATextDifference()
    {
        var comparison = SnapshotComparer.Compare("a,b\n1,2\n", "a,b\n1,2,3\n", Default, csv: true);

        Assert.That((comparison.Matches, comparison.FirstLine, comparison.Greatest), Is.EqualTo((false, 2, (NumericDifference?)null)));
    }

    [Test]
    public void Compare_DifferentNumberCount_IsATextDifferenceWithoutNumbers()
    {
        var comparison = SnapshotComparer.Compare("steps 1 2 3\n", "steps 1 2\n", Default, csv: false);

        Assert.That(comparison.Matches, Is.False);
        Assert.That(comparison.Greatest, Is.Null);
    }

    [Test]
    public void Compare_LastDigitWithOtherPadding_Matches()
    {
        // What another machine's kernels print: a loss one digit shorter, the aligned column padded with one space more.
        var comparison = SnapshotComparer.Compare(
            "       3       0.2507198902143559      0.25109336793950165    -0.000373\n",
            "       3       0.2507198902143559       0.2510933679395017    -0.000373\n",
            Tolerance.Rounding(DType.Float64, 0.25),
            csv: false);

        Assert.That(comparison.Matches, Is.True);
    }

    [TestCase("       3       0.2507198902143559       0.2510943679395017    -0.000373", TestName = "Compare_ARealChangeWithOtherPadding_IsANumericDifference")]
    [TestCase("       4       0.2507198902143559      0.25109336793950165    -0.000373", TestName = "Compare_AnotherEpochWithTheSamePadding_IsANumericDifference")]
    public void Compare_ARealChange_DoesNotMatch(string received)
    {
        var comparison = SnapshotComparer.Compare(
            "       3       0.2507198902143559      0.25109336793950165    -0.000373\n",
            received + "\n",
            Tolerance.Rounding(DType.Float64, 0.25),
            csv: false);

        Assert.That(comparison.Matches, Is.False);
        Assert.That(comparison.Greatest, Is.Not.Null);
    }

    [TestCase("Diagnosis: none", "Diagnosis:   none", true)]
    [TestCase("Diagnosis: none", "Diagnosis: gradient", false)]
    [TestCase("steps 1 2", "steps 12", false)]
    public void Compare_Text_IsEqualButForWhiteSpace(string verified, string received, bool matches) =>
        Assert.That(SnapshotComparer.Compare(verified + "\n", received + "\n", Default, csv: false).Matches, Is.EqualTo(matches));

    // Differences and allowances are computed, so they are compared with a tolerance of a few ulps.
    private static bool Same(NumericDifference a, NumericDifference b) =>
        a with { Difference = 0, Allowance = 0 } == b with { Difference = 0, Allowance = 0 }
        && Math.Abs(a.Difference - b.Difference) <= 1e-15 && Math.Abs(a.Allowance - b.Allowance) <= 1e-15;
}
