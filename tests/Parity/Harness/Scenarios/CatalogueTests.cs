using NUnit.Framework;
using Parity.HandRolled.Model;
using Parity.Harness.Scenarios;
using Parity.Tests.Support;

namespace Parity.Tests.Harness.Scenarios;

/// <summary>The committed catalogue, fixtures/scenarios/*.json: every file loads, and the parity ones obey the lr rule.</summary>
[TestFixture]
public sealed class CatalogueTests
{
    private static string CatalogueDirectory => Repository.Catalogue;

    private static IEnumerable<TestCaseData> Files() =>
        Directory.EnumerateFiles(CatalogueDirectory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetArgDisplayNames(Path.GetFileNameWithoutExtension(path)));

    [Test]
    public void Catalogue_HasTheScenariosTheDocsDescribe() =>
        Assert.That(
            Directory.EnumerateFiles(CatalogueDirectory, "*.json").Select(Path.GetFileNameWithoutExtension),
            Is.SupersetOf(new[]
            {
                "xor-seed-parity", "xor-seed-parity-f64", "xor-ladder-1-as-posted", "xor-ladder-2-same-init",
                "xor-ladder-3-no-bias", "xor-ladder-4-lr-doubled", "xor-bias-parity", "parity3-lr-rule",
                "parity3-lr-doubled", "xor-forum-sse", "keras-glorot-2-2-2-2-1", "xor-per-sample", "xor-tanh",
                "xor-relu", "xor-selu-smooth-l1", "xor-momentum",
            }));

    [TestCaseSource(nameof(Files))]
    public void Load_CatalogueFile_IsValidAndNamedAfterItsFile(string path)
    {
        var scenario = ScenarioLoader.Load(path);

        Assert.Multiple(() =>
        {
            Assert.That(scenario.Name, Is.EqualTo(Path.GetFileNameWithoutExtension(path)));
            Assert.That(scenario.Description, Has.Length.InRange(20, 160));
            Assert.That(ScenarioLoader.Resolve(scenario.Name, CatalogueDirectory).ContentHash, Is.EqualTo(scenario.ContentHash));
        });
    }

    /// <summary>
    /// nn.MSELoss's gradient is 2/(N·D) × half-SSE's (N the samples in one update, D the outputs), so a parity
    /// scenario pairing them must give PyTorch N·D/2 × the hand-rolled learning rate; sse's is 2 ×, so ½.
    /// </summary>
    [TestCaseSource(nameof(Files))]
    public void Load_CatalogueFile_ParityLearningRatesFollowTheGradientScale(string path)
    {
        var scenario = ScenarioLoader.Load(path);
        var perUpdate = scenario.HandRolled.Batch switch
        {
            BatchMode.Full => scenario.Data.Count,
            BatchMode.PerSample => 1,
            _ => scenario.HandRolled.MiniBatch!.Size,
        };
        var outputs = scenario.Network.Layers[^1];
        double? factor = (scenario.HandRolled.Loss, scenario.Torch.Loss) switch
        {
            (Loss.HalfSse, Loss.Mse) => perUpdate * outputs / 2.0,
            (Loss.HalfSse, Loss.Sse) => 0.5,
            var (a, b) when a == b => 1.0,
            _ => null,
        };
        if (factor is null || scenario.Expect != Verdict.Parity)
        {
            Assert.Pass("not a parity pairing of half-sse with mse, sse or itself");
        }

        // The rates are written with a few digits, so they agree exactly up to the rounding of one multiplication. Adam,
        // AdamW and RMSprop divide the loss's scale out: the same rate, and ε divided by the factor instead.
        if (scenario.HandRolled.Optimizer.Kind is OptimizerKind.Adam or OptimizerKind.AdamW or OptimizerKind.RmsProp)
        {
            Assert.That(scenario.Torch.LearningRate, Is.EqualTo(scenario.HandRolled.LearningRate));
            Assert.That(scenario.Torch.Optimizer.Eps, Is.EqualTo(scenario.HandRolled.Optimizer.Eps / factor.Value).Within(1e-15).Percent);
            return;
        }

        Assert.That(scenario.Torch.LearningRate, Is.EqualTo(factor.Value * scenario.HandRolled.LearningRate).Within(1e-15).Percent);
    }
}
