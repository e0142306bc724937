using System.Text.Json;
using NUnit.Framework;
using Parity.Tests.Support;

namespace Parity.Tests.Cli;

public sealed class RunCommandTests
{
    private string output = "";

    [SetUp]
    public void CreateOutput() => output = Directory.CreateTempSubdirectory("parity-run-").FullName;

    [TearDown]
    public void DeleteOutput() => Directory.Delete(output, recursive: true);

    [TestCase("xor-seed-parity", 1e-4)]
    [TestCase("xor-seed-parity-f64", 1e-12)]
    public async Task Run_SeedCaseJson_IsParityWithinTheIssuesBound(string scenario, double bound)
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("run", scenario, "--reference", "fixtures", "--json", "--out", output);

        using var json = JsonDocument.Parse(stdout);
        Assert.That(exit, Is.Zero);
        Assert.That(json.RootElement.GetProperty("verdict").GetString(), Is.EqualTo("parity"));
        Assert.That(json.RootElement.GetProperty("curve").GetProperty("maxRelDiff").GetDouble(), Is.LessThan(bound));
        Assert.That(json.RootElement.GetProperty("diagnosis").GetProperty("kind").GetString(), Is.EqualTo("none"));
        Assert.That(json.RootElement.GetProperty("reference").GetProperty("source").GetString(), Is.EqualTo("fixtures"));
    }

    [TestCase("torchsharp", "libtorch 2.10")]
    [TestCase("pytorch", "PyTorch ")]
    public async Task Run_EachLiveReference_IsParityAndNamesItself(string reference, string version)
    {
        _ = reference == "pytorch" ? await Live.TorchAsync() : await Live.TorchSharpAsync();

        var (exit, stdout, _) = await CliRunner.RunAsync("run", "xor-rmsprop", "--reference", reference, "--json", "--out", output);

        using var json = JsonDocument.Parse(stdout);
        var source = json.RootElement.GetProperty("reference");
        Assert.That(exit, Is.Zero, stdout);
        Assert.That(json.RootElement.GetProperty("verdict").GetString(), Is.EqualTo("parity"));
        Assert.That(json.RootElement.GetProperty("curve").GetProperty("maxRelDiff").GetDouble(), Is.LessThan(1e-12), "float64 on both sides");
        Assert.That((source.GetProperty("source").GetString(), source.GetProperty("producer").GetString()), Is.EqualTo((reference, reference)));
        Assert.That(source.GetProperty("version").GetString(), Does.StartWith(version));
    }

    [Test]
    public async Task Run_LadderWithoutTheDoubling_ExitsOneAndSaysWhichLearningRateMatches()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("run", "xor-ladder-3-no-bias", "--reference", "fixtures", "--json", "--out", output);

        using var json = JsonDocument.Parse(stdout);
        var diagnosis = json.RootElement.GetProperty("diagnosis");
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(json.RootElement.GetProperty("verdict").GetString(), Is.EqualTo("mismatch"));
        Assert.That(diagnosis.GetProperty("kind").GetString(), Is.EqualTo("learning-rate-scale"));
        Assert.That(diagnosis.GetProperty("factor").GetDouble(), Is.EqualTo(0.5).Within(1e-9));
        Assert.That(diagnosis.GetProperty("detail").GetString(), Does.Contain("PyTorch lr 0.6 would match (now 0.3)"));
    }

    [Test]
    public async Task Run_Table_PrintsVerdictDiagnosisAndWritesCurves()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("run", "xor-seed-parity", "--reference", "fixtures", "--out", output);

        Assert.That(exit, Is.Zero);
        Assert.That(stdout, Does.Contain("Verdict: parity").And.Contain("Diagnosis: none").And.Contain("half-sse · 0.3"));
        Assert.That(File.ReadLines(Path.Combine(output, "curves.csv")).Count(), Is.EqualTo(5001), "a header and one row per epoch");
        Assert.That(File.ReadAllText(Path.Combine(output, "curves.svg")), Does.StartWith("<svg").Or.StartWith("<?xml"));
    }

    [Test]
    public async Task Run_ScenarioFileOutsideTheCatalogue_Runs()
    {
        await Live.TorchSharpAsync(); // a new scenario has no fixture: a live reference must run it
        var path = Path.Combine(output, "my-own.json");
        File.WriteAllText(path, """
            {
              "name": "my-own", "description": "A 2-3-1 tanh net of my own",
              "data": { "inputs": [[0,0],[0,1],[1,0],[1,1]], "targets": [[0],[1],[1],[0]] },
              "network": { "layers": [2, 3, 1], "activations": ["tanh", "sigmoid"], "bias": true },
              "init": { "from": "uniform01", "seed": 7 },
              "epochs": 300,
              "handRolled": { "loss": "half-mse", "learningRate": 0.5 },
              "torch": { "loss": "mse", "learningRate": 0.25 }
            }
            """);

        var (exit, stdout, error) = await CliRunner.RunAsync("run", path, "--reference", "live", "--json", "--out", output);

        Assert.That(exit, Is.Zero, error + stdout);
        Assert.That(JsonDocument.Parse(stdout).RootElement.GetProperty("verdict").GetString(), Is.EqualTo("parity"));
    }

    [Test]
    public async Task Run_UnknownScenario_ExitsTwoAndSuggestsCloseNames()
    {
        var (exit, _, error) = await CliRunner.RunAsync("run", "xor-seed-parityy", "--reference", "fixtures", "--out", output);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("xor-seed-parity"));
        Assert.That(Directory.EnumerateFileSystemEntries(output), Is.Empty, "nothing is written for bad input");
    }

    [Test]
    public async Task Run_UnknownOption_ExitsTwo()
    {
        var (exit, _, error) = await CliRunner.RunAsync("run", "xor-seed-parity", "--referenc", "fixtures");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--referenc"));
    }
}
