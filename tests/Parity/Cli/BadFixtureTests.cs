using System.Text.Json;
using NUnit.Framework;
using Parity.Tests.Support;

namespace Parity.Tests.Cli;

/// <summary>
/// Commands against a corrupt or stale fixture, in a scratch copy of the repository: <c>--reference fixtures</c>
/// exits 2 naming the file, the place and the regenerate command, and writes nothing; <c>fixtures check</c> says
/// which fixture fails and why, and goes on.
/// </summary>
public sealed class BadFixtureTests
{
    private const string Seed = "xor-seed-parity";
    private const string Regenerate = "regenerate it: dotnet run --project src/Cli -- fixtures regenerate xor-seed-parity";
    private const string BadLoss = "fixtures/xor-seed-parity/losses.csv: line 3, column 'loss': expected a number, found '0.26x'; " + Regenerate;
    private const string Stale = "fixtures/xor-seed-parity/meta.json: made from another version of scenario xor-seed-parity (hash 2f14d650fc13, the scenario file is now ";

    private ScratchRepository scratch = null!;

    [SetUp]
    public void CopyRepository() => scratch = ScratchRepository.With(Seed);

    [TearDown]
    public void DeleteCopy() => scratch.Dispose();

    [TestCase("run", "--out", "out")]
    [TestCase("explain")]
    [TestCase("verify", "--trainer", "false")]
    public async Task Command_CorruptFixture_ExitsTwoNamingFilePlaceAndRegenerateCommand(string command, params string[] more)
    {
        CorruptALoss();
        var before = scratch.State();

        var (exit, stdout, error) = await CliRunner.RunInAsync(scratch.Root, [command, Seed, "--reference", "fixtures", .. more]);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2), error + stdout);
            Assert.That(error, Is.EqualTo($"parity: {BadLoss}\n"));
            Assert.That(scratch.State(), Is.EqualTo(before), "no curves written, the fixture left as it is");
        });
    }

    [Test]
    public async Task Run_ScenarioChangedSinceItsFixture_SaysWhichAndHowToRegenerate()
    {
        EditTheScenario();

        var (exit, stdout, error) = await CliRunner.RunInAsync(scratch.Root, "run", Seed, "--reference", "fixtures", "--json", "--out", "out");

        using var json = JsonDocument.Parse(stdout);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(json.RootElement.GetProperty("verdict").GetString(), Is.EqualTo("error"));
            Assert.That(json.RootElement.GetProperty("error").GetString(), Does.StartWith(Stale).And.EndWith(Regenerate));
            Assert.That(error, Does.StartWith("parity: " + Stale));
            Assert.That(Directory.Exists(Path.Combine(scratch.Root, "out")), Is.False);
        });
    }

    [TestCase("corrupt loss", "unusable", BadLoss)]
    [TestCase("stale", "stale", Stale)]
    [TestCase("no fixture", "unusable", "fixtures/xor-seed-parity/meta.json: missing; make the fixture with dotnet run --project src/Cli -- fixtures regenerate xor-seed-parity")]
    public async Task FixturesCheck_BadFixture_SaysWhichAndWhyAndExitsOne(string fault, string status, string detail)
    {
        // None of these reaches PyTorch: a fixture that cannot be read fails before the live run it is checked against.
        Action corrupt = fault switch
        {
            "corrupt loss" => CorruptALoss,
            "stale" => EditTheScenario,
            _ => () => Directory.Delete(Path.Combine(scratch.Fixtures, Seed), recursive: true),
        };
        corrupt();
        var before = scratch.State();

        var (exit, stdout, error) = await CliRunner.RunInAsync(scratch.Root, "fixtures", "check");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1), error);
            Assert.That(stdout, Does.StartWith($"{status,-15} {Seed}: {detail}").And.EndWith("1 fixture(s) out of date.\n"));
            Assert.That(scratch.State(), Is.EqualTo(before));
        });
    }

    private void CorruptALoss()
    {
        var losses = scratch.FixtureFile(Seed, "losses.csv");
        scratch.Replace(losses, $"\n{File.ReadLines(losses).ElementAt(2)}\n", "\n1,0.26x\n");
    }

    private void EditTheScenario() => scratch.Replace(scratch.ScenarioFile(Seed), "\"epochs\": 5000", "\"epochs\": 4000");
}
