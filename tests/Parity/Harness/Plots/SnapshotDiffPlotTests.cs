using NUnit.Framework;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;
using Parity.Harness.Plots;
using Parity.Harness.Snapshots;

namespace Parity.Tests.Harness.Plots;

public sealed class SnapshotDiffPlotTests
{
    private const string Verified = "epoch,handRolled,torch,difference\n0,0.25,0.25,0\n1,0.2497,0.2497,0\n2,0.2494,0.2494,0\n";
    private const string Received = "epoch,handRolled,torch,difference\n0,0.25,0.25,0\n1,0.2497,0.2503,-0.0006\n2,0.2494,0.2512,-0.0018\n";

    [Test]
    public void Model_TwoColumns_EachVerifiedSolidAndReceivedDashedInOneColour()
    {
        var model = SnapshotDiffPlot.Model("CurveTests.Losses_xor", Csv(Verified), Csv(Received), ["handRolled", "torch"])!;

        var lines = model.Series.Cast<LineSeries>().ToList();
        Assert.That((model.Title, model.Subtitle), Is.EqualTo(("CurveTests.Losses_xor", "verified (solid) against received (dashed)")));
        Assert.That(lines.Select(l => (l.Title, l.LineStyle)), Is.EqualTo(new[]
        {
            ("handRolled (verified)", LineStyle.Solid), ("handRolled (received)", LineStyle.Dash),
            ("torch (verified)", LineStyle.Solid), ("torch (received)", LineStyle.Dash),
        }));
        Assert.That(lines[0].Color, Is.EqualTo(lines[1].Color).And.Not.EqualTo(lines[2].Color));
        Assert.That(lines[3].Points, Is.EqualTo(new[] { new DataPoint(0, 0.25), new DataPoint(1, 0.2503), new DataPoint(2, 0.2512) }));
        Assert.That(model.Axes.Single(a => a.IsHorizontal()).Title, Is.EqualTo("epoch"));
        Assert.That(model.Axes.Single(a => a.IsVertical()), Is.InstanceOf<LogarithmicAxis>(), "every value positive: a log scale");
    }

    [Test]
    public void Model_EveryColumnWithZerosAndNegatives_LinearAxis()
    {
        var model = SnapshotDiffPlot.Model("s", Csv(Verified), Csv(Received), [])!;

        Assert.That(model.Series.Select(s => s.Title).ToList(), Has.Count.EqualTo(6).And.Contains("difference (received)"));
        Assert.That(model.Axes.Single(a => a.IsVertical()), Is.InstanceOf<LinearAxis>());
    }

    [TestCase("epoch,other\n0,1\n", TestName = "Model_NoColumnInCommon_Null")]
    [TestCase("\n", TestName = "Model_EmptyReceived_Null")]
    public void Model_NothingToDraw_Null(string received)
    {
        Assert.That(SnapshotDiffPlot.Model("s", Csv("epoch,loss\n"), Csv(received), []), Is.Null);
    }

    private static string[][] Csv(string text) => [.. SnapshotCsv.Read(text)!.Select(r => r.Fields)];
}
