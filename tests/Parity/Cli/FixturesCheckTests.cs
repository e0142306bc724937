using NUnit.Framework;
using Parity.HandRolled.Model;
using Parity.Harness.Fixtures;
using Parity.Harness.Scenarios;
using Parity.Tests.Support;

namespace Parity.Tests.Cli;

/// <summary>
/// <c>parity fixtures check</c> on fixtures made to differ from live PyTorch in a known way, in a scratch copy of the
/// repository: a few ulps (another machine's rounding) pass as "within rounding" with the figure, unless
/// <c>--exact</c>; a fixture trained at another learning rate "differs", with the regenerate command.
/// </summary>
public sealed class FixturesCheckTests
{
    // Float64 scenarios of 1000 epochs, the catalogue's shortest on XOR: each check trains its scenario live again.
    private const string Nudged = "xor-momentum-step-lr";
    private const string OtherLearningRate = "xor-rmsprop";
    private const int NudgeUlps = 5;
    private ScratchRepository scratch = null!;
    private int largest;

    [OneTimeSetUp]
    public async Task MakeFixtures()
    {
        await Live.TorchSharpAsync();
        scratch = ScratchRepository.With(Nudged, OtherLearningRate);
        var store = new FixtureStore(scratch.Fixtures);

        // Live PyTorch's own fixture with its largest loss moved by a few ulps, as another machine's kernels move it.
        var nudged = scratch.Load(Nudged);
        var live = await Live.Harness.LiveFixtureAsync(nudged);
        var losses = live.Torch.Losses.ToArray();
        largest = Array.IndexOf(losses, losses.Max());
        losses[largest] += NudgeUlps * Tolerance.Ulp(DType.Float64, losses[largest]);
        store.Write(nudged, live with { Torch = live.Torch with { Losses = losses } });

        // A fixture trained at a learning rate 1 % off, filed under the unchanged scenario.
        var scenario = scratch.Load(OtherLearningRate);
        var changed = scratch.Write("changed.json", File.ReadAllText(scratch.ScenarioFile(OtherLearningRate)).Replace("\"learningRate\": 0.001,", "\"learningRate\": 0.00101,", StringComparison.Ordinal));
        Assert.That(File.ReadAllText(changed), Does.Contain("0.00101"), "the test's anchor: PyTorch's learning rate in xor-rmsprop");
        var wrong = await Live.Harness.LiveFixtureAsync(ScenarioLoader.Load(changed));
        store.Write(scenario, wrong with { Meta = wrong.Meta with { ScenarioHash = scenario.ContentHash } });
    }

    [OneTimeTearDown]
    public void DeleteScratch() => scratch?.Dispose();

    [Test]
    public async Task Check_FewUlpsOff_IsWithinRoundingWithTheFigure()
    {
        var (exit, stdout, error) = await CliRunner.RunInAsync(scratch.Root, "fixtures", "check", Nudged);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, stdout + error);
            Assert.That(stdout, Does.StartWith($"within rounding {Nudged}: "));
            Assert.That(stdout, Does.Contain($"of the largest of the losses ({NudgeUlps} ulps) at epoch {largest}; the rule allows 256 ulps of float64"));
            Assert.That(stdout, Does.EndWith("1 fixture(s): 1 within rounding. Every fixture is what its live reference produces.\n"));
        });
    }

    [Test]
    public async Task Check_FewUlpsOffUnderExact_Differs()
    {
        var (exit, stdout, _) = await CliRunner.RunInAsync(scratch.Root, "fixtures", "check", "--exact", Nudged);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(stdout, Does.StartWith($"differs         {Nudged}: "));
            Assert.That(stdout, Does.Contain("--exact allows no difference"));
        });
    }

    [Test]
    public async Task Check_TrainedAtAnotherLearningRate_DiffersWithTheFirstDifferenceAndTheCommand()
    {
        var before = scratch.State();

        var (exit, stdout, _) = await CliRunner.RunInAsync(scratch.Root, "fixtures", "check", OtherLearningRate);
        TestContext.Out.WriteLine(stdout);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(stdout, Does.StartWith($"differs         {OtherLearningRate}: "));
            Assert.That(stdout, Does.Contain(": losses: epoch 1 is "), "the first loss after the first update differs");
            Assert.That(stdout, Does.Contain($"; regenerate it: {FixtureStore.RegenerateCommand} {OtherLearningRate}"));
            Assert.That(stdout, Does.EndWith("1 fixture(s): 1 differs. 1 fixture(s) out of date.\n"));
            Assert.That(scratch.State(), Is.EqualTo(before), "a check writes nothing");
        });
    }
}
