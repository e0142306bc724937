using System.Text.Json;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Parity.Tests.Support;

namespace Parity.Tests.Cli;

/// <summary>
/// Every command that takes a scenario, given a bad one: exit code 2, the file (or name) and the place named on
/// stderr, and nothing written — no curves, no fixture. Runs in a scratch copy of the repository.
/// </summary>
public sealed class BadScenarioTests
{
    private const string Seed = "xor-seed-parity";

    private ScratchRepository scratch = null!;

    [SetUp]
    public void CopyRepository()
    {
        scratch = ScratchRepository.With(Seed);
        scratch.Write(Path.Combine("out", "curves.csv"), "a previous run's curves\n");
        scratch.Write("malformed.json", "{\n  \"name\": \"x\",,\n}");
        scratch.Write("sigmod.json", File.ReadAllText(scratch.ScenarioFile(Seed)).Replace("[\"sigmoid\", \"sigmoid\"]", "[\"sigmod\", \"sigmoid\"]", StringComparison.Ordinal));
        var seed = File.ReadAllText(scratch.ScenarioFile(Seed));
        scratch.Write("adam-beta.json", seed.Replace("\"loss\": \"mse\",", "\"loss\": \"mse\", \"optimizer\": { \"kind\": \"adam\", \"betas\": [0.9, 1.5] },", StringComparison.Ordinal));
        scratch.Write("gamma-zero.json", seed.Replace("\"loss\": \"mse\",", "\"loss\": \"mse\", \"schedule\": { \"kind\": \"step\", \"stepSize\": 10, \"gamma\": 0 },", StringComparison.Ordinal));
        scratch.Write("batch-zero.json", seed.Replace("\"dtype\": \"float32\", \"batch\": \"full\"", "\"dtype\": \"float32\", \"batch\": { \"size\": 0 }", StringComparison.Ordinal));
        scratch.Write("labels.csv", "a,b,label\n0,0,0\n0,1,x\n");
        scratch.Write("csv-data.json", Regex.Replace(seed, "\"data\": \\{[^}]*\\}", "\"data\": { \"csv\": \"labels.csv\", \"target\": \"label\" }"));
        using var huge = File.Create(Path.Combine(scratch.Root, "huge.json"));
        huge.SetLength(2L * 1024 * 1024 * 1024);
    }

    [TearDown]
    public void DeleteCopy() => scratch.Dispose();

    public static IEnumerable<TestCaseData> Cases() =>
        from command in Commands()
        from bad in BadScenarios()
        select new TestCaseData(command.Arguments(bad.Argument), bad.Expected).SetArgDisplayNames($"{command.Name}, {bad.Name}");

    [TestCaseSource(nameof(Cases))]
    public async Task Command_BadScenario_ExitsTwoNamingTheFileAndWritesNothing(string[] arguments, string expected)
    {
        var before = scratch.State();

        var (exit, stdout, error) = await CliRunner.RunInAsync(scratch.Root, arguments);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2), error + stdout);
            Assert.That(error, Does.StartWith("parity: " + expected));
            Assert.That(scratch.State(), Is.EqualTo(before), "no curves, fixture or snapshot written, moved or deleted");
        });
    }

    [Test]
    public async Task Run_BadScenarioJson_PrintsAnErrorVerdict()
    {
        var (exit, stdout, _) = await CliRunner.RunInAsync(scratch.Root, "run", "sigmod.json", "--reference", "fixtures", "--json", "--out", "out");

        using var json = JsonDocument.Parse(stdout);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(json.RootElement.GetProperty("scenario").GetString(), Is.EqualTo("sigmod.json"));
            Assert.That(json.RootElement.GetProperty("verdict").GetString(), Is.EqualTo("error"));
            Assert.That(json.RootElement.GetProperty("error").GetString(), Does.StartWith("sigmod.json: $.network.activations[0]: unknown activation \"sigmod\""));
        });
    }

    private static IEnumerable<(string Name, Func<string, string[]> Arguments)> Commands()
    {
        yield return ("run", s => ["run", s, "--reference", "fixtures", "--out", "out"]);
        yield return ("verify", s => ["verify", s, "--trainer", "false", "--reference", "fixtures", "--out", "out"]);
        yield return ("explain", s => ["explain", s, "--reference", "fixtures"]);
        yield return ("fixtures regenerate", s => ["fixtures", "regenerate", Seed, s]);
        yield return ("fixtures check", s => ["fixtures", "check", s]);
    }

    private static IEnumerable<(string Name, string Argument, string Expected)> BadScenarios()
    {
        yield return ("malformed JSON", "malformed.json", "malformed.json: line 2, column 15: malformed JSON: ");
        yield return ("unknown activation", "sigmod.json", "sigmod.json: $.network.activations[0]: unknown activation \"sigmod\"; expected one of sigmoid");
        yield return ("missing file", "missing.json", "missing.json: no such file, and no scenario \"missing\" in ");
        yield return ("misspelt name", "xor-sed-parity", "xor-sed-parity: no such file, and no scenario \"xor-sed-parity\" in ");
        yield return ("2 GiB file", "huge.json", "huge.json: is 2048.0 MiB; scenario files are limited to 16 MiB");
        yield return ("name outside the catalogue", "../xor-seed-parity", "../xor-seed-parity: no such file, and not a catalogue name: ");
        yield return ("adam β outside [0, 1)", "adam-beta.json", "adam-beta.json: $.torch.optimizer.betas[1]: β 1.5; expected 0 ≤ β < 1");
        yield return ("schedule γ 0", "gamma-zero.json", "gamma-zero.json: $.torch.schedule.gamma: a decay factor of 0; expected more than 0");
        yield return ("batch size 0", "batch-zero.json", "batch-zero.json: $.torch.batch.size: batch size 0; expected at least 1");
        yield return ("a label not a number in the data file", "csv-data.json", "labels.csv: line 3, column 'label': expected a finite number, found 'x'");
    }
}
