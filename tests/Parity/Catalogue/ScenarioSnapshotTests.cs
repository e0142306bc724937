using System.Runtime.CompilerServices;
using NUnit.Framework;
using Parity.Common;
using Parity.Harness.Output;
using Parity.Harness.Snapshots;
using Parity.Tests.Support;

namespace Parity.Tests.Catalogue;

/// <summary>
/// The whole catalogue: each scenario trains both sides (PyTorch live, or from the committed fixtures), must reach
/// the verdict the scenario expects, and must match its approved snapshots — the curves of every epoch
/// (<c>.verified.csv</c>) and the verdict summary with its diagnosis (<c>.verified.txt</c>) — beside this file.
/// </summary>
public sealed class ScenarioSnapshotTests
{
    public static IEnumerable<TestCaseData> Scenarios() => Repository.CatalogueCases();

    [TestCaseSource(nameof(Scenarios))]
    public async Task Catalogue(string name)
    {
        var mode = await Live.ReferenceSourceAsync();
        var scenario = Live.Harness.Load(name);
        var result = await Live.Harness.RunAsync(scenario, mode);
        var summary = Summary.Text(result);

        var settings = new VerifySettings();
        settings.UseTextForParameters(name);
        settings.UseTolerance(result.Rounding);
        settings.PlotChangedCurves("handRolled", "torch");
        if (Verifier.AcceptRequested(ParitySettings.Variable))
        {
            settings.AutoVerify();
        }

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(result.Verdict, Is.EqualTo(scenario.Expect), $"{name} should reach {scenario.Expect}:\n{summary}");
            await Verifier.Verify([new Target("csv", CurveCsv.Text(result)), new Target("txt", summary)], settings);
        });
    }

    /// <summary>
    /// What Verify's dangling-snapshot check does: every verified file beside this test is one of its cases, so that a
    /// renamed or deleted scenario, or a renamed test, leaves no file behind (<c>parity snapshots status</c> lists them).
    /// </summary>
    [Test]
    public void VerifiedFiles_AreEachACaseOfCatalogue()
    {
        var owner = $"{nameof(ScenarioSnapshotTests)}.{nameof(Catalogue)}";
        var cases = Scenarios().Select(c => (string)c.Arguments[0]!).SelectMany(n => new[] { $"{owner}_{n}.verified.csv", $"{owner}_{n}.verified.txt" });

        Assert.That(Directory.GetFiles(Here(), "*.verified.*").Select(Path.GetFileName), Is.SubsetOf(cases));
    }

    private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
