using System.Xml.Linq;
using NUnit.Framework;
using Parity.Harness.Snapshots;
using Parity.Tests.Support;

namespace Parity.Tests.Harness.Snapshots;

public sealed class SnapshotStoreTests
{
    private const string Name = "CurveTests.Losses_xor";
    private const string Curve = "epoch,handRolled,torch\n0,0.25,0.25\n1,0.2499,0.2499\n2,0.2497,0.2497\n3,0.2494,0.2494\n";

    private readonly List<(string Received, string Verified)> launches = [];
    private string directory = "";

    [SetUp]
    public void CreateDirectory()
    {
        directory = Path.Combine(Path.GetTempPath(), "parity-snapshots-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        launches.Clear();
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void Verify_New_WritesReceivedAndFails()
    {
        var result = Store().Verify(directory, Name, Csv(Curve), SnapshotOptions.Default);

        Assert.That(result.Outcome, Is.EqualTo(SnapshotOutcome.New));
        Assert.That(result.Passed, Is.False);
        Assert.That(File.ReadAllText(Received("csv")), Is.EqualTo(Curve));
        Assert.That(File.Exists(Verified("csv")), Is.False, "nothing is verified until accepted");
        Assert.That(result.Message, Does.Contain("is new").And.Contain($"parity snapshots accept {Name}").And.Contain("PARITY_ACCEPT=1 dotnet test"));
        Assert.That(launches, Is.Empty, "a new snapshot has nothing to diff against");
    }

    [Test]
    public void Verify_Equal_PassesAndDeletesStaleReceived()
    {
        File.WriteAllText(Verified("csv"), Curve);
        File.WriteAllText(Received("csv"), "stale");
        File.WriteAllText(Received("svg"), "<svg/>");

        var result = Store().Verify(directory, Name, Csv(Curve), SnapshotOptions.Default);

        Assert.That(result.Outcome, Is.EqualTo(SnapshotOutcome.Matched));
        Assert.That(result.Passed, Is.True);
        Assert.That(Directory.GetFiles(directory).Select(Path.GetFileName), Is.EqualTo(new[] { Path.GetFileName(Verified("csv")) }));
    }

    [Test]
    public void Verify_CrlfAndBomInVerified_Passes()
    {
        File.WriteAllText(Verified("csv"), "\uFEFF" + Curve.Replace("\n", "\r\n", StringComparison.Ordinal).TrimEnd());

        var result = Store().Verify(directory, Name, Csv(Curve.TrimEnd()), SnapshotOptions.Default);

        Assert.That(result.Passed, Is.True, result.Message);
    }

    [Test]
    public void Verify_Received_IsLfUtf8WithoutBomEndingWithNewline()
    {
        Store().Verify(directory, Name, Csv("a,b\r\n1,2"), SnapshotOptions.Default);

        Assert.That(File.ReadAllBytes(Received("csv")), Is.EqualTo("a,b\n1,2\n"u8.ToArray()));
    }

    [Test]
    public void Verify_LastDigitDifference_Passes()
    {
        // What exp's last digit does between libms: relative differences near 1e-16, far inside rtol 1e-6.
        File.WriteAllText(Verified("csv"), "epoch,torch\n0,0.24999999999999994\n1,1.2345678901234567e-05\n");

        var result = Store().Verify(directory, Name, Csv("epoch,torch\n0,0.24999999999999997\n1,1.2345678901234569e-05\n"), SnapshotOptions.Default);

        Assert.That(result.Passed, Is.True, result.Message);
    }

    [Test]
    public void Verify_RealChange_WritesReceivedAndFails()
    {
        File.WriteAllText(Verified("csv"), Curve);
        var changed = Curve.Replace("2,0.2497,0.2497", "2,0.2497,0.2503", StringComparison.Ordinal)
            .Replace("3,0.2494,0.2494", "3,0.2494,0.2512", StringComparison.Ordinal);

        var result = Store().Verify(directory, Name, Csv(changed), SnapshotOptions.Default with { PlotColumns = ["handRolled", "torch"] });

        Assert.That(result.Outcome, Is.EqualTo(SnapshotOutcome.Changed));
        Assert.That(File.ReadAllText(Received("csv")), Is.EqualTo(changed));
        Assert.That(File.ReadAllText(Verified("csv")), Is.EqualTo(Curve), "the verified file is untouched");
        Assert.That(result.ReceivedFiles, Is.EquivalentTo(new[] { Received("csv"), Received("svg") }));
        Assert.That(result.Message, Does.Contain("First difference at line 4:")
            .And.Contain("  verified: 2,0.2497,0.2497")
            .And.Contain("  received: 2,0.2497,0.2503")
            .And.Contain("Differing lines: 2 (5 lines)")
            .And.Contain("Greatest numeric difference: 0.2512 (received) vs 0.2494 (verified) at line 5, column \"torch\"")
            .And.Contain("|Δ| 0.0018, up to 2.5e-07 allowed"));
        Assert.That(result.Message, Does.StartWith("Snapshot CurveTests.Losses_xor.verified.csv does not match (rtol 1e-06, atol 1e-09)"));
        Assert.That(XElement.Load(Received("svg")).Name.LocalName, Is.EqualTo("svg"), "the plot of verified against received");
    }

    [Test]
    public void Verify_TextChange_Fails()
    {
        File.WriteAllText(Verified("txt"), "scenario xor-seed-parity\nverdict parity\n");

        var result = Store().Verify(directory, Name, [new SnapshotFile("txt", "scenario xor-seed-parity\nverdict mismatch\n")], SnapshotOptions.Default);

        Assert.That(result.Outcome, Is.EqualTo(SnapshotOutcome.Changed));
        Assert.That(result.Message, Does.Contain("line 2").And.Contain("Every number is within the tolerance: the text differs."));
        Assert.That(File.Exists(Received("svg")), Is.False, "only a CSV is plotted");
    }

    [Test]
    public void Verify_ExtraLine_IsATextDifference()
    {
        File.WriteAllText(Verified("csv"), Curve);

        var result = Store().Verify(directory, Name, Csv(Curve + "4,0.249,0.249\n"), SnapshotOptions.Default);

        Assert.That(result.Passed, Is.False);
        Assert.That(result.Message, Does.Contain("verified has 5 lines, received 6").And.Contain("First difference at line 6:").And.Contain("verified: (no such line)"));
    }

    [Test]
    public void Verify_AcceptMode_WritesVerifiedAndPasses()
    {
        File.WriteAllText(Verified("csv"), Curve);
        File.WriteAllText(Received("csv"), "stale");
        var changed = Curve.Replace("0.2494,0.2494", "0.2494,0.3", StringComparison.Ordinal);
        SnapshotFile[] files = [new("csv", changed), new("txt", "verdict parity")];

        var result = Store().Verify(directory, Name, files, SnapshotOptions.Default with { Accept = true });

        Assert.That(result.Outcome, Is.EqualTo(SnapshotOutcome.Accepted));
        Assert.That(result.Passed, Is.True);
        Assert.That(File.ReadAllText(Verified("csv")), Is.EqualTo(changed));
        Assert.That(File.ReadAllText(Verified("txt")), Is.EqualTo("verdict parity\n"));
        Assert.That(Directory.GetFiles(directory, "*.received.*"), Is.Empty);
        Assert.That(Directory.GetFiles(directory, "*.tmp", SearchOption.AllDirectories), Is.Empty, "no temporary file is left behind");
    }

    [Test]
    public void Verify_Mismatch_LaunchesDiffToolWithReceivedThenVerified()
    {
        File.WriteAllText(Verified("csv"), Curve);

        Store().Verify(directory, Name, Csv(Curve.Replace("0.25,0.25", "0.5,0.5", StringComparison.Ordinal)), SnapshotOptions.Default);

        Assert.That(launches, Is.EqualTo(new[] { (Received("csv"), Verified("csv")) }));
    }

    [TestCase("1")]
    [TestCase("true")]
    public void Verify_CiSet_DoesNotLaunchDiffTool(string ci)
    {
        File.WriteAllText(Verified("csv"), Curve);

        var result = Store(ci: ci).Verify(directory, Name, Csv(Curve.Replace("0.25,0.25", "0.5,0.5", StringComparison.Ordinal)), SnapshotOptions.Default);

        Assert.That(result.Passed, Is.False);
        Assert.That(launches, Is.Empty);
    }

    [Test]
    public void Verify_BuildServerOrOptionOff_DoesNotLaunchDiffTool()
    {
        File.WriteAllText(Verified("csv"), Curve);
        var changed = Csv(Curve.Replace("0.25,0.25", "0.5,0.5", StringComparison.Ordinal));

        Store(buildServer: true).Verify(directory, Name, changed, SnapshotOptions.Default);
        Store().Verify(directory, Name, changed, SnapshotOptions.Default with { LaunchDiffTool = false });

        Assert.That(launches, Is.Empty);
    }

    [Test]
    public void Verify_DiffToolThrows_StillReportsTheMismatch()
    {
        File.WriteAllText(Verified("csv"), Curve);
        var store = new SnapshotStore(new DiffToolLauncher(_ => null, () => false, (_, _) => throw new InvalidOperationException("no tool")));

        var result = store.Verify(directory, Name, Csv(Curve.Replace("0.25,0.25", "0.5,0.5", StringComparison.Ordinal)), SnapshotOptions.Default);

        Assert.That(result.Outcome, Is.EqualTo(SnapshotOutcome.Changed));
    }

    [TestCase("../Escape")]
    [TestCase("a/b")]
    [TestCase("a\\b")]
    [TestCase("a*b")]
    [TestCase("")]
    public void Verify_BadName_Throws(string name)
    {
        Assert.That(() => Store().Verify(directory, name, Csv(Curve), SnapshotOptions.Default),
            Throws.ArgumentException.With.Message.Contains("Snapshot name"));
    }

    public static IEnumerable<TestCaseData> Unsafe() => UnsafeNames.Names();

    [TestCaseSource(nameof(Unsafe))]
    public void Verify_UnsafeName_IsRefusedAndWritesNothing(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(directory, "snapshots")).FullName;
        var before = ScratchRepository.StateOf(directory);

        Assert.That(
            () => Store().Verify(folder, name, Csv(Curve), SnapshotOptions.Default with { Accept = true }),
            Throws.ArgumentException.With.Message.StartsWith("Snapshot name '"));
        Assert.That(ScratchRepository.StateOf(directory), Is.EqualTo(before), "no received or verified file, inside the folder or around it");
    }

    [TestCase("1", true)]
    [TestCase("0", false)]
    [TestCase(null, false)]
    public void AcceptRequested_ReadsParityAccept(string? value, bool accept)
    {
        Assert.That(SnapshotStore.AcceptRequested(v => v == SnapshotStore.AcceptVariable ? value : null), Is.EqualTo(accept));
    }

    private static SnapshotFile[] Csv(string content) => [new("csv", content)];

    private SnapshotStore Store(string? ci = null, bool buildServer = false) =>
        new(new DiffToolLauncher(v => v == "CI" ? ci : null, () => buildServer, (r, v) => launches.Add((r, v))));

    private string Verified(string extension) => Path.Combine(directory, $"{Name}.verified.{extension}");

    private string Received(string extension) => Path.Combine(directory, $"{Name}.received.{extension}");
}
