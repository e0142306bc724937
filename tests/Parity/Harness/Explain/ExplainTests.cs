using System.Text.Json.Nodes;
using NUnit.Framework;
using Parity.Harness.Explain;
using Parity.Harness.Reference;
using Parity.Harness.Running;
using Parity.Harness.Scenarios;
using Parity.Tests.Support;

namespace Parity.Tests.Harness.Explain;

/// <summary>
/// <c>parity explain</c> on the catalogue, against the committed fixtures (no Python): the alignment ladder must come
/// out as the seed answer found it — bias, init and the learning-rate scale on the question as posted, the scale alone
/// once bias and init are gone — and a parity scenario must have nothing to explain.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class ExplainTests
{
    /// <summary>Aligned PyTorch sides are trained by the same float64 engine as the hand-rolled one, so they agree to rounding.</summary>
    private const double Rounding = 1e-9;

    private static readonly DifferenceKind[] SeedFinding = [DifferenceKind.Bias, DifferenceKind.Init, DifferenceKind.LearningRateScale];

    [Test]
    public async Task Explain_LadderAsPosted_NamesBiasInitAndLearningRateScale()
    {
        var explanation = await ExplainAsync("xor-ladder-1-as-posted");

        Assert.Multiple(() =>
        {
            Assert.That(explanation.Baseline.Verdict, Is.EqualTo(Verdict.Mismatch));
            Assert.That(explanation.Differences.Select(d => d.Difference.Kind), Is.EquivalentTo(SeedFinding));
            Assert.That(explanation.SmallestParitySet?.Kinds, Is.EqualTo(SeedFinding));
            Assert.That(explanation.Change, Does.Contain("PyTorch without bias").And.Contain("hand-rolled parameters").And.Contain("PyTorch lr 0.6"));
            foreach (var impact in explanation.Differences)
            {
                // Each is needed: with the other two aligned, leaving it out keeps a real part of the distance.
                Assert.That(impact.LastRemovedFraction, Is.GreaterThan(0.1), impact.Difference.Kind.Name());
                Assert.That(impact.Alone.Parity, Is.False, $"{impact.Difference.Kind.Name()} alone");
            }

            Assert.That(Impact(explanation, DifferenceKind.LearningRateScale).RemovedFraction, Is.GreaterThan(0.5));
            Assert.That(Impact(explanation, DifferenceKind.Init).RemovedFraction, Is.GreaterThan(0.5));
            Assert.That(explanation.Combinations.Where(c => c.Parity).Select(c => c.Label), Is.EqualTo(new[] { "bias + init + learning-rate-scale" }));
            Assert.That(explanation.StandIn.MaxRelDiff, Is.LessThan(1e-12), "the stand-in reproduces PyTorch's float64 curve");
        });
    }

    [Test]
    public async Task Explain_LadderSameInit_NeedsBiasAndLearningRateScaleButNotInit()
    {
        // PyTorch's extra biases start at zero from the shared numpy draw: the same start, by the zero-bias rule.
        var explanation = await ExplainAsync("xor-ladder-2-same-init");

        Assert.That(explanation.Differences.Select(d => d.Difference.Kind), Is.EquivalentTo(new[] { DifferenceKind.Bias, DifferenceKind.LearningRateScale }));
        Assert.That(explanation.SmallestParitySet?.Kinds, Is.EqualTo(new[] { DifferenceKind.Bias, DifferenceKind.LearningRateScale }));
    }

    [Test]
    public async Task Explain_LadderNoBias_OnlyTheLearningRateScale()
    {
        var explanation = await ExplainAsync("xor-ladder-3-no-bias");
        var scale = explanation.Differences.Single();

        Assert.Multiple(() =>
        {
            Assert.That(scale.Difference.Kind, Is.EqualTo(DifferenceKind.LearningRateScale));
            Assert.That(scale.Difference.Description, Does.Contain("0.5 ×").And.Contain("PyTorch lr 0.6 would match"));
            Assert.That(scale.Alone.Parity, Is.True);
            Assert.That(scale.RemovedFraction, Is.EqualTo(1.0).Within(Rounding));
            Assert.That(explanation.SmallestParitySet?.Kinds, Is.EqualTo(new[] { DifferenceKind.LearningRateScale }));
            Assert.That(explanation.Change, Is.EqualTo("PyTorch lr 0.6"));
        });
    }

    [Test]
    public async Task Explain_Parity3LrDoubled_AsksForPyTorchLr04()
    {
        // N·D = 8: PyTorch's lr must be 4 × the hand-rolled 0.1, not 2 ×.
        var explanation = await ExplainAsync("parity3-lr-doubled");

        Assert.That(explanation.SmallestParitySet?.Kinds, Is.EqualTo(new[] { DifferenceKind.LearningRateScale }));
        Assert.That(explanation.SmallestParitySet!.Candidate.Torch.LearningRate, Is.EqualTo(0.4).Within(1e-15));
        Assert.That(explanation.Change, Is.EqualTo("PyTorch lr 0.4"));
    }

    [Test]
    public async Task Explain_ParityScenario_HasNoDifferencesAndBaselineParity()
    {
        var explanation = await ExplainAsync("xor-seed-parity-f64");

        Assert.Multiple(() =>
        {
            Assert.That(explanation.Differences, Is.Empty);
            Assert.That(explanation.Combinations, Is.Empty);
            Assert.That(explanation.Baseline.Verdict, Is.EqualTo(Verdict.Parity));
            Assert.That(explanation.SmallestParitySet?.Kinds, Is.Empty);
            Assert.That(explanation.Change, Is.Null);
        });
    }

    [Test]
    public async Task Explain_Float32Parity_ListsTheDTypeButNeedsNothing()
    {
        // mse at lr 0.6 against half-sse at 0.3 is the same step: only the dtype differs, within rtol 1e-4.
        var explanation = await ExplainAsync("xor-seed-parity");

        Assert.That(explanation.Differences.Select(d => d.Difference.Kind), Is.EqualTo(new[] { DifferenceKind.DType }));
        Assert.That(explanation.SmallestParitySet?.Kinds, Is.Empty);
    }

    [Test]
    public async Task Explain_ScheduleAndNesterovOnOneSideOnly_ListsBothAndNeedsBoth()
    {
        // xor-momentum-step-lr with a hand-rolled side on Nesterov momentum at a constant rate; PyTorch live (no fixture).
        await Live.TorchSharpAsync();
        var file = Path.Combine(Directory.CreateTempSubdirectory("parity-explain-").FullName, "schedule-one-side.json");
        var scenario = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "fixtures", "scenarios", "xor-momentum-step-lr.json")))!;
        var hand = scenario["handRolled"]!.AsObject();
        hand.Remove("schedule");
        hand["optimizer"]!["nesterov"] = true;
        await File.WriteAllTextAsync(file, scenario.ToJsonString());
        await using var harness = new ParityHarness(new HarnessOptions(Repository.Root, ReferenceSource.TorchSharp));

        var explanation = await new Explainer(harness).ExplainAsync(ScenarioLoader.Load(file));
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);

        Assert.Multiple(() =>
        {
            Assert.That(explanation.Differences.Select(d => d.Difference.Kind), Is.EquivalentTo(new[] { DifferenceKind.Optimizer, DifferenceKind.Schedule }));
            Assert.That(Impact(explanation, DifferenceKind.Schedule).Difference.Description, Does.Contain("multiplied by 0.5 every 200 epochs (StepLR), the hand-rolled side's is constant"));
            Assert.That(Impact(explanation, DifferenceKind.Optimizer).Difference.Description, Does.Contain("nesterov true on the hand-rolled side against false"));
            Assert.That(explanation.SmallestParitySet?.Kinds, Is.EquivalentTo(new[] { DifferenceKind.Optimizer, DifferenceKind.Schedule }));
            Assert.That(explanation.Change, Does.Contain("PyTorch's learning rate is constant"));
        });
    }

    private static DifferenceImpact Impact(Explanation explanation, DifferenceKind kind) =>
        explanation.Differences.Single(d => d.Difference.Kind == kind);

    private static async Task<Explanation> ExplainAsync(string scenario)
    {
        await using var harness = new ParityHarness(new HarnessOptions(Repository.Root, ReferenceSource.Fixtures));
        return await new Explainer(harness).ExplainAsync(harness.Load(scenario));
    }
}
