using NUnit.Framework;
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
    /// <summary>The class and method that own the snapshots: <c>{Class}.{Method}_{scenario}</c>.</summary>
    public const string Owner = $"{nameof(ScenarioSnapshotTests)}.{nameof(Catalogue)}";

    [Test]
    public void Owner_IsTheNameTheCliLooksFor() => Assert.That(Owner, Is.EqualTo(CatalogueSnapshots.Owner));

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
        if (Verifier.AcceptRequested(Environment.GetEnvironmentVariable))
        {
            settings.AutoVerify();
        }

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(result.Verdict, Is.EqualTo(scenario.Expect), $"{name} should reach {scenario.Expect}:\n{summary}");
            await Verifier.Verify([new Target("csv", CurveCsv.Text(result)), new Target("txt", summary)], settings);
        });
    }
}
