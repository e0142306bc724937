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

    [TestCaseSource(nameof(Catalogue))]
    public async Task Verify_BuiltInTrainer_AgreesWithRun(string scenario)
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

    private static string? Field(JsonDocument json, string name) => json.RootElement.GetProperty(name).GetString();

    private static string? Kind(JsonDocument json) => json.RootElement.GetProperty("diagnosis").GetProperty("kind").GetString();
}
