using System.Xml.Linq;
using DiffEngine;
using NUnit.Framework;
using Parity.Harness.Snapshots;
using Parity.Tests.Support;

namespace Parity.Tests.Harness.Snapshots;

public sealed class VerifierTests
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
    public void Verify_New_WritesReceivedFailsAndOpensTheDiffTool()
    {
        var message = Fails(Csv(Curve));

        Assert.That(File.ReadAllText(Received("csv")), Is.EqualTo(Curve));
        Assert.That(File.Exists(Verified("csv")), Is.False, "nothing is verified until accepted");
        Assert.That(message, Does.Contain("is new").And.Contain($"parity snapshots accept {Name}").And.Contain("PARITY_ACCEPT=1 dotnet test"));
        Assert.That(launches, Is.EqualTo(new[] { (Received("csv"), Verified("csv")) }), "against the empty verified file DiffEngine makes");
    }

    [Test]
    public void Verify_EmptyVerified_IsNewAndTheEmptyFileIsRemoved()
    {
        // What DiffEngine leaves (through EmptyFiles) when a new snapshot was opened in the diff tool and not saved.
        File.WriteAllText(Verified("csv"), "");

        var message = Fails(Csv(Curve));

        Assert.That(message, Does.Contain("is new"));
        Assert.That(File.Exists(Verified("csv")), Is.False);
    }

    [Test]
    public async Task Verify_Equal_PassesAndDeletesStaleReceived()
    {
        File.WriteAllText(Verified("csv"), Curve);
        File.WriteAllText(Received("csv"), "stale");
        File.WriteAllText(Received("svg"), "<svg/>");

        await VerifyAsync(Csv(Curve));

        Assert.That(Directory.GetFiles(directory).Select(Path.GetFileName), Is.EqualTo(new[] { Path.GetFileName(Verified("csv")) }));
    }

    [Test]
    public void Verify_NameAndFolder_AreVerifysConvention()
    {
        var settings = Settings();
        settings.UseDirectory("snapshots");

        Fails(Csv(Curve), settings);
        var renamed = new VerifySettings();
        renamed.UseFileName("Whole.Name");
        Fails([new("txt", "x")], renamed);

        Assert.That(File.Exists(Path.Combine(directory, "snapshots", "CurveTests.Losses_xor.received.csv")), Is.True);
        Assert.That(File.Exists(Path.Combine(directory, "Whole.Name.received.txt")), Is.True);
    }

    [Test]
    public async Task Verify_CrlfAndBomInVerified_Passes()
    {
        File.WriteAllText(Verified("csv"), "\uFEFF" + Curve.Replace("\n", "\r\n", StringComparison.Ordinal).TrimEnd());

        await VerifyAsync(Csv(Curve.TrimEnd()));
    }

    [Test]
    public void Verify_Received_IsLfUtf8WithoutBomEndingWithNewline()
    {
        Fails(Csv("a,b\r\n1,2"));

        Assert.That(File.ReadAllBytes(Received("csv")), Is.EqualTo("a,b\n1,2\n"u8.ToArray()));
    }

    [Test]
    public async Task Verify_LastDigitDifference_Passes()
    {
        // What exp's last digit does between libms: relative differences near 1e-16, far inside the default rtol 1e-6.
        File.WriteAllText(Verified("csv"), "epoch,torch\n0,0.24999999999999994\n1,1.2345678901234567e-05\n");

        await VerifyAsync(Csv("epoch,torch\n0,0.24999999999999997\n1,1.2345678901234569e-05\n"));
    }

    [Test]
    public void Verify_NoComparerForTheExtension_ComparesToTheLetter()
    {
        File.WriteAllText(Verified("json"), "[0.24999999999999994]\n");

        var message = Fails([new("json", "[0.24999999999999997]")]);

        Assert.That(message, Does.StartWith($"Snapshot {Name}.verified.json does not match.\nReceived: {Received("json")}"));
    }

    [Test]
    public void Verify_RealChange_WritesReceivedAndPlotAndFails()
    {
        File.WriteAllText(Verified("csv"), Curve);
        var changed = Curve.Replace("2,0.2497,0.2497", "2,0.2497,0.2503", StringComparison.Ordinal)
            .Replace("3,0.2494,0.2494", "3,0.2494,0.2512", StringComparison.Ordinal);
        var settings = Settings();
        settings.PlotChangedCurves("handRolled", "torch");

        var message = Fails(Csv(changed), settings);

        Assert.That(File.ReadAllText(Received("csv")), Is.EqualTo(changed));
        Assert.That(File.ReadAllText(Verified("csv")), Is.EqualTo(Curve), "the verified file is untouched");
        Assert.That(message, Does.Contain("First difference at line 4:")
            .And.Contain("  verified: 2,0.2497,0.2497")
            .And.Contain("  received: 2,0.2497,0.2503")
            .And.Contain("Differing lines: 2 (5 lines)")
            .And.Contain("Greatest numeric difference: 0.2512 (received) vs 0.2494 (verified) at line 5, column \"torch\"")
            .And.Contain("|Δ| 0.0018, up to 2.5e-07 allowed")
            .And.Contain($"Received: {Received("csv")}")
            .And.Contain($"Plot of verified vs received: {Received("svg")}"));
        Assert.That(message, Does.StartWith("Snapshot CurveTests.Losses_xor.verified.csv does not match (rtol 1e-06, atol 1e-09)"));
        Assert.That(XElement.Load(Received("svg")).Name.LocalName, Is.EqualTo("svg"), "the plot of verified against received");
    }

    [Test]
    public async Task Verify_Tolerance_IsTheOneTheTestSets()
    {
        File.WriteAllText(Verified("csv"), Curve);
        var settings = Settings();
        settings.UseTolerance(new(1e-2, 0));

        await VerifyAsync(Csv(Curve.Replace("0.2494,0.2494", "0.2494,0.2512", StringComparison.Ordinal)), settings);
        settings.UseTolerance(new(1e-3, 0));
        var message = Fails(Csv(Curve.Replace("0.2494,0.2494", "0.2494,0.2512", StringComparison.Ordinal)), settings);

        Assert.That(message, Does.Contain("(rtol 0.001, atol 0)"));
    }

    [Test]
    public void Verify_TextChange_FailsWithoutAPlot()
    {
        File.WriteAllText(Verified("txt"), "scenario xor-seed-parity\nverdict parity\n");
        var settings = Settings();
        settings.PlotChangedCurves();

        var message = Fails([new("txt", "scenario xor-seed-parity\nverdict mismatch\n")], settings);

        Assert.That(message, Does.Contain("line 2").And.Contain("Every number is within the tolerance: the text differs."));
        Assert.That(File.Exists(Received("svg")), Is.False, "only a CSV is plotted");
    }

    [Test]
    public void Verify_ExtraLine_IsATextDifference()
    {
        File.WriteAllText(Verified("csv"), Curve);

        var message = Fails(Csv(Curve + "4,0.249,0.249\n"));

        Assert.That(message, Does.Contain("verified has 5 lines, received 6").And.Contain("First difference at line 6:").And.Contain("verified: (no such line)"));
    }

    [Test]
    public async Task Verify_AutoVerify_WritesVerifiedAndPasses()
    {
        File.WriteAllText(Verified("csv"), Curve);
        File.WriteAllText(Received("csv"), "stale");
        var changed = Curve.Replace("0.2494,0.2494", "0.2494,0.3", StringComparison.Ordinal);
        var settings = Settings();
        settings.AutoVerify();
        settings.PlotChangedCurves();

        await VerifyAsync([new("csv", changed), new("txt", "verdict parity")], settings);

        Assert.That(File.ReadAllText(Verified("csv")), Is.EqualTo(changed));
        Assert.That(File.ReadAllText(Verified("txt")), Is.EqualTo("verdict parity\n"));
        Assert.That(Directory.GetFiles(directory, "*.received.*"), Is.Empty, "no received file, no plot");
        Assert.That(Directory.GetFiles(directory, "*.tmp", SearchOption.AllDirectories), Is.Empty, "no temporary file is left behind");
        Assert.That(launches, Is.Empty);
    }

    [Test]
    public void Verify_Mismatch_LaunchesDiffToolWithReceivedThenVerified()
    {
        File.WriteAllText(Verified("csv"), Curve);

        Fails(Csv(Curve.Replace("0.25,0.25", "0.5,0.5", StringComparison.Ordinal)));

        Assert.That(launches, Is.EqualTo(new[] { (Received("csv"), Verified("csv")) }));
    }

    [TestCase("1")]
    [TestCase("true")]
    public void Verify_CiSet_DoesNotLaunchDiffTool(string ci)
    {
        File.WriteAllText(Verified("csv"), Curve);

        Fails(Csv(Curve.Replace("0.25,0.25", "0.5,0.5", StringComparison.Ordinal)), ci: ci);
        Fails(Csv(Curve + "4,0.249,0.249\n"), ci: ci);

        Assert.That(launches, Is.Empty);
    }

    [Test]
    public void Verify_DiffDisabled_DoesNotLaunchDiffTool()
    {
        var settings = Settings();
        settings.DisableDiff();

        Fails(Csv(Curve), settings);

        Assert.That(launches, Is.Empty);
    }

    [Test]
    public async Task LaunchDiff_OnABuildServer_DiffEngineDeclinesAndMakesNoFile()
    {
        // DiffEngine's own override, local to this test's flow.
        BuildServerDetector.Detected = true;
        File.WriteAllText(Received("csv"), Curve);

        var result = await Verifier.LaunchDiffAsync(Received("csv"), Verified("csv"));

        Assert.That(result, Is.EqualTo(LaunchResult.Disabled));
        Assert.That(File.Exists(Verified("csv")), Is.False);
    }

    [Test]
    public void Verify_DiffToolThrows_StillReportsTheMismatch()
    {
        File.WriteAllText(Verified("csv"), Curve);
        var verifier = new Verifier(_ => null, (_, _) => throw new InvalidOperationException("no tool"));

        var message = Fails(() => verifier.VerifyAsync(Csv(Curve.Replace("0.25,0.25", "0.5,0.5", StringComparison.Ordinal)), Settings(), Source, "Losses"));

        Assert.That(message, Does.Contain("does not match"));
    }

    [TestCase("../Escape")]
    [TestCase("a/b")]
    [TestCase("a\\b")]
    [TestCase("a*b")]
    [TestCase("")]
    public void Verify_BadName_Throws(string name)
    {
        Assert.That(Assert.ThrowsAsync<ArgumentException>(() => VerifyAsync(Csv(Curve), Named(name)))?.Message, Does.Contain("Snapshot name"));
    }

    [Test]
    public void Verify_BadParameters_Throws()
    {
        var settings = new VerifySettings();
        settings.UseTextForParameters("../../x");

        Assert.That(
            Assert.ThrowsAsync<ArgumentException>(() => VerifyAsync(Csv(Curve), settings))?.Message,
            Does.StartWith("Snapshot name 'CurveTests.Losses_../../x' contains '..'"));
    }

    public static IEnumerable<TestCaseData> Unsafe() => UnsafeNames.Names();

    [TestCaseSource(nameof(Unsafe))]
    public void Verify_UnsafeName_IsRefusedAndWritesNothing(string name)
    {
        var settings = Named(name);
        settings.UseDirectory("snapshots");
        settings.AutoVerify();
        var before = ScratchRepository.StateOf(directory);

        Assert.That(Assert.ThrowsAsync<ArgumentException>(() => VerifyAsync(Csv(Curve), settings))?.Message, Does.StartWith("Snapshot name '"));
        Assert.That(ScratchRepository.StateOf(directory), Is.EqualTo(before), "no folder, received or verified file, inside the folder or around it");
    }

    [TestCase("1", true)]
    [TestCase("0", false)]
    [TestCase(null, false)]
    public void AcceptRequested_ReadsParityAccept(string? value, bool accept)
    {
        Assert.That(Verifier.AcceptRequested(v => v == Verifier.AcceptVariable ? value : null), Is.EqualTo(accept));
    }

    private string Source => Path.Combine(directory, "CurveTests.cs");

    private static Target[] Csv(string content) => [new("csv", content)];

    private static VerifySettings Settings()
    {
        var settings = new VerifySettings();
        settings.UseTextForParameters("xor");
        return settings;
    }

    private static VerifySettings Named(string name)
    {
        var settings = new VerifySettings();
        settings.UseFileName(name);
        return settings;
    }

    // As Verifier.Verify called from CurveTests.Losses in CurveTests.cs, with DiffEngine replaced by a recorder.
    private Task VerifyAsync(Target[] targets, VerifySettings? settings = null, string? ci = null) =>
        new Verifier(v => v == "CI" ? ci : null, (received, verified) =>
            {
                launches.Add((received, verified));
                return Task.CompletedTask;
            })
            .VerifyAsync(targets, settings ?? Settings(), Source, "Losses");

    private string Fails(Target[] targets, VerifySettings? settings = null, string? ci = null) =>
        Fails(() => VerifyAsync(targets, settings, ci));

    private static string Fails(Func<Task> verify) => Assert.ThrowsAsync<VerifyException>(verify)!.Message;

    private string Verified(string extension) => Path.Combine(directory, $"{Name}.verified.{extension}");

    private string Received(string extension) => Path.Combine(directory, $"{Name}.received.{extension}");
}
