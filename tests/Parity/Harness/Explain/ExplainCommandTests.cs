using System.Text.Json;
using NUnit.Framework;
using Parity.Cli;

namespace Parity.Tests.Harness.Explain;

/// <summary><c>parity explain</c> through the command line: the JSON contract and the exit codes.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class ExplainCommandTests
{
    [Test]
    public async Task Explain_LadderAsPostedJson_ReportsTheSeedFindingWithMeasuredImpacts()
    {
        var (code, output, error) = await RunAsync("explain", "xor-ladder-1-as-posted", "--reference", "fixtures", "--json");

        Assert.That(code, Is.Zero, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("scenario").GetString(), Is.EqualTo("xor-ladder-1-as-posted"));
            Assert.That(root.GetProperty("baseline").GetProperty("parity").GetBoolean(), Is.False);
            Assert.That(root.GetProperty("baseline").GetProperty("distance").GetDouble(), Is.GreaterThan(0.1));
            Assert.That(
                root.GetProperty("smallestParitySet").EnumerateArray().Select(k => k.GetString()),
                Is.EqualTo(new[] { "bias", "init", "learning-rate-scale" }));
            var differences = root.GetProperty("differences").EnumerateArray().ToList();
            Assert.That(differences.Select(d => d.GetProperty("kind").GetString()), Is.EquivalentTo(new[] { "bias", "init", "learning-rate-scale" }));
            Assert.That(differences.Select(d => d.GetProperty("lastRemovedFraction").GetDouble()), Has.All.GreaterThan(0));
            Assert.That(differences.Select(d => d.GetProperty("description").GetString()), Has.All.Not.Empty);
            Assert.That(root.GetProperty("combinations").GetArrayLength(), Is.EqualTo(7), "every non-empty subset of 3");
            Assert.That(root.GetProperty("change").GetString(), Does.Contain("PyTorch lr 0.6"));
        });
    }

    [Test]
    public async Task Explain_Table_PrintsTheSmallestSet()
    {
        var (code, output, error) = await RunAsync("explain", "xor-ladder-3-no-bias", "--reference", "fixtures");

        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("Smallest set that restores parity: learning-rate-scale (PyTorch lr 0.6)"));
    }

    [Test]
    public async Task Explain_UnknownScenario_IsBadInput()
    {
        var (code, _, error) = await RunAsync("explain", "xor-ladder-5", "--reference", "fixtures");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("did you mean"));
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Program.RunAsync(args, Terminal.Capture(output, error));
        return (code, output.ToString(), error.ToString());
    }
}
