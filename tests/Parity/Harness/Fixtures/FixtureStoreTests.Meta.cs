using NUnit.Framework;

namespace Parity.Tests.Harness.Fixtures;

/// <summary>meta.json: missing, malformed, incomplete, or made from another version of the scenario.</summary>
public sealed partial class FixtureStoreTests
{
    private const string Meta = "meta.json";
    private const string RegenerateSeed = "dotnet run --project src/Cli -- fixtures regenerate xor-seed-parity";

    [Test]
    public void Load_ScenarioChangedSinceTheFixture_SaysWhichAndTheRegenerateCommand()
    {
        scratch.Replace(scratch.ScenarioFile(Seed), "\"epochs\": 5000", "\"epochs\": 4000");
        var changed = scratch.Load(Seed);

        var error = Refused(() => Store.Load(changed));

        Assert.That(
            error.Message,
            Does.EndWith(
                $"{Shown(Meta)}: made from another version of scenario {Seed} (hash 2f14d650fc13, the scenario file is now "
                + $"{changed.ContentHash[..12]}); regenerate it: {RegenerateSeed}"));
    }

    [Test]
    public void Load_MetaMissing_SaysHowToMakeTheFixture()
    {
        File.Delete(scratch.FixtureFile(Seed, Meta));

        var error = Refused();

        Assert.That(error.Message, Does.EndWith($"{Shown(Meta)}: missing; make the fixture with {RegenerateSeed}"));
    }

    [Test]
    public void Load_FixtureFolderMissing_SaysHowToMakeTheFixture()
    {
        Directory.Delete(Path.Combine(scratch.Fixtures, Seed), recursive: true);

        var error = Refused();

        Assert.That(error.Message, Does.EndWith($"{Shown(Meta)}: missing; make the fixture with {RegenerateSeed}"));
    }

    [TestCaseSource(nameof(CorruptMeta))]
    public void Load_CorruptMeta_NamesFileJsonPathAndExpectation(Func<string, string> corrupt, string expected)
    {
        var path = scratch.FixtureFile(Seed, Meta);
        File.WriteAllText(path, corrupt(File.ReadAllText(path)));

        var error = Refused();

        Assert.That(error.Message, Does.Contain($"{Shown(Meta)}: {expected}"));
    }

    private static IEnumerable<TestCaseData> CorruptMeta()
    {
        yield return MetaCase("malformed", Swap("\"epochs\": 5000,", "\"epochs\": 5000,,"), "line 8, column 18: malformed JSON: ");
        yield return MetaCase("cut short", CutAfter("\"source\": \"torch"), "line 4, column 19: malformed JSON: ");
        yield return MetaCase("empty", _ => "", "line 1, column 1: malformed JSON: ");
        yield return MetaCase("null", _ => "null", "$: expected an object, got null");
        yield return MetaCase("a string for a number", Swap("\"epochs\": 5000", "\"epochs\": \"5000\""), "$.epochs: expected the epochs trained (a whole number), got string \"5000\"");
        yield return MetaCase("hash missing", DropLines("  \"scenarioHash\""), "$: missing property \"scenarioHash\": the SHA-256 of the scenario file");
        yield return MetaCase("hash null", Swap("\"2f14d650fc132009749cbe98c34c4df2e0428d3ee10cb6bfaefef03c65fc5ff1\"", "null"), "$.scenarioHash: expected the SHA-256 of the scenario file (a string), got null");
        yield return MetaCase("misspelt property", Swap("\"scenarioHash\"", "\"scenarioHsh\""), "$.scenarioHsh: unknown property \"scenarioHsh\"; did you mean \"scenarioHash\"? expected one of scenario, scenarioHash, source, torch, python, dType, epochs, stepDetails, generator");
        yield return MetaCase("another scenario's", Swap("\"scenario\": \"xor-seed-parity\"", "\"scenario\": \"xor-tanh\""), $"$.scenario: made for scenario xor-tanh, not {Seed}; regenerate it: {RegenerateSeed}");
    }

    private static TestCaseData MetaCase(string name, Func<string, string> corrupt, string expected) =>
        new TestCaseData(corrupt, expected).SetArgDisplayNames(name);
}
