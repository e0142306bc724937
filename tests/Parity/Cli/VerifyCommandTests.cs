using System.Diagnostics;
using System.Text.Json;
using NUnit.Framework;
using Parity.Tests.Support;

namespace Parity.Tests.Cli;

/// <summary>
/// parity-trainer/1 end to end: the built-in hand-rolled model as an external program (`parity trainer`), verified
/// against PyTorch for the whole catalogue, reaches the verdict and diagnosis that `run` reaches.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class VerifyCommandTests
{
    private static string BuiltInTrainer => $"dotnet '{typeof(Parity.Cli.Terminal).Assembly.Location}' trainer";

    public static IEnumerable<TestCaseData> Catalogue() => Repository.CatalogueCases();

    /// <summary>The default run's share: parity and a mismatch, full batch, shuffled mini-batches, a CSV data set with Adam.</summary>
    public static IEnumerable<TestCaseData> Representative() =>
        Catalogue().Where(c => c.Arguments[0] is "xor-seed-parity" or "xor-ladder-1-as-posted" or "parity3-minibatch" or "iris-adam-cross-entropy");

    [TestCaseSource(nameof(Representative))]
    public Task Verify_BuiltInTrainer_AgreesWithRun(string scenario) => AgreesWithRunAsync(scenario);

    [TestCaseSource(nameof(Catalogue))]
    [Explicit("the whole catalogue through the trainer command, a process per scenario; .ci/run runs it with --filter TestCategory=Slow")]
    [Category("Slow")]
    public Task Verify_BuiltInTrainerOnEveryScenario_AgreesWithRun(string scenario) => AgreesWithRunAsync(scenario);

    private static async Task AgreesWithRunAsync(string scenario)
    {
        var output = Directory.CreateTempSubdirectory("parity-verify-").FullName;
        try
        {
            var verify = await CliRunner.RunAsync("verify", scenario, "--trainer", BuiltInTrainer, "--reference", "fixtures", "--json", "--out", output);
            var run = await CliRunner.RunAsync("run", scenario, "--reference", "fixtures", "--json", "--out", output);

            using var verified = JsonDocument.Parse(verify.Out);
            using var ran = JsonDocument.Parse(run.Out);
            Assert.That(verify.Exit, Is.EqualTo(run.Exit), verify.Error);
            Assert.That(Field(verified, "verdict"), Is.EqualTo(Field(ran, "verdict")));
            Assert.That(Kind(verified), Is.EqualTo(Kind(ran)));
            Assert.That(Field(verified, "verdict"), Is.EqualTo(Live.Harness.Load(scenario).Expect.ToString().ToLowerInvariant()));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>What a failing trainer prints on stdout, its exit code, and what the error must say.</summary>
    public static IEnumerable<TestCaseData> FailingTrainers()
    {
        static TestCaseData Case(string name, string stdout, int exit, string says) =>
            new TestCaseData(stdout, exit, says).SetArgDisplayNames(name);

        yield return Case("exits 1", "", 1, "exited with code 1.");
        yield return Case("garbage", "Epoch 1/5000 loss=0.25\n", 0, "printed something that is not one JSON document");
        yield return Case("bare NaN", """{"losses": [NaN]}""", 0, "printed NaN (line 1, byte 13), which is not a JSON number");
        yield return Case("one loss", """{"losses": [0.25], "steps": [], "finalParameters": []}""", 0, "$.losses: 1 losses, expected one per epoch (5000)");
    }

    [TestCaseSource(nameof(FailingTrainers))]
    public async Task Verify_TrainerFails_ExitsWith2QuotingItsStderr(string stdout, int exit, string says)
    {
        using var trainers = new FakeTrainers();

        var run = await CliRunner.RunAsync("verify", "xor-seed-parity", "--trainer", $"{trainers.Printing(stdout)}; exit {exit}", "--reference", "fixtures");

        Assert.That(run.Exit, Is.EqualTo(2), run.Out);
        Assert.That(run.Error, Does.StartWith("parity: The trainer `").And.Contain(says).And.Contain($"Its stderr:\n  {FakeTrainers.Diagnostics}"));
    }

    [Test]
    public async Task Verify_TrainerFailsWithJson_PrintsTheErrorVerdict()
    {
        using var trainers = new FakeTrainers();

        var (exit, output, _) = await CliRunner.RunAsync("verify", "xor-seed-parity", "--trainer", $"{trainers.Printing("")}; exit 4", "--reference", "fixtures", "--json");

        using var verdict = JsonDocument.Parse(output);
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(Field(verdict, "verdict"), Is.EqualTo("error"));
        Assert.That(Field(verdict, "error"), Does.Contain("exited with code 4").And.Contain(FakeTrainers.Diagnostics));
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Verify_TrainerHangs_KillsItsTreeAndExitsWith2SoonAfterTheTimeout()
    {
        using var trainers = new FakeTrainers();
        var clock = Stopwatch.StartNew();

        var (exit, _, error) = await CliRunner.RunAsync("verify", "xor-seed-parity", "--trainer", trainers.Hanging(), "--timeout", "0.5", "--reference", "fixtures");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(6)), "ends within seconds of the 0.5 s timeout");
        Assert.That(error, Does.Contain("ran past its timeout of 0.5 s and was killed with its child processes").And.Contain(FakeTrainers.Diagnostics));
        Assert.That(trainers.Pids().Where(FakeTrainers.IsRunning), Is.Empty, "no process of the trainer is left running");
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Verify_InterruptedWhileTheTrainerRuns_KillsItsTreeAndExits130()
    {
        // Ctrl-C half a second into a trainer that would run for minutes.
        using var trainers = new FakeTrainers();
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        var (exit, output, error) = await CliRunner.RunAsync(interrupt.Token, "verify", "xor-seed-parity", "--trainer", trainers.Hanging(), "--reference", "fixtures");

        Assert.That(exit, Is.EqualTo(130), error);
        Assert.That(error.Trim(), Is.EqualTo("parity: interrupted"));
        Assert.That(output, Is.Empty, "no verdict");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(6)), "stops within seconds");
        Assert.That(trainers.Pids().Where(FakeTrainers.IsRunning), Is.Empty, "no process of the trainer is left running");
    }

    private static string? Field(JsonDocument json, string name) => json.RootElement.GetProperty(name).GetString();

    private static string? Kind(JsonDocument json) => json.RootElement.GetProperty("diagnosis").GetProperty("kind").GetString();
}
