using NUnit.Framework;
using Parity.Harness.Diagnosis;
using Parity.Harness.Output;
using Parity.Harness.Reference;
using Parity.Harness.Scenarios;
using Parity.Tests.Support;

namespace Parity.Tests.Diagnosis;

/// <summary>
/// Training that diverges — a learning rate of 100 on a linear network — is diagnosed <c>non-finite</c> on both
/// sides, hand-rolled and live PyTorch, each with the first epoch whose loss is NaN or infinite.
/// </summary>
[Parallelizable(ParallelScope.All)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class DivergenceDiagnosisTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("parity-diverging-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    // float32 overflows at 3.4e38, float64 at 1.8e308: PyTorch in float32 diverges first, in float64 with the hand-rolled side.
    [TestCase("float32")]
    [TestCase("float64")]
    public async Task Run_LearningRate100_IsNonFiniteWithEachSidesFirstEpoch(string torchDType)
    {
        await Live.TorchSharpAsync(); // a scenario outside the catalogue has no fixture: PyTorch must run it
        var scenario = Live.Harness.Load(Diverging(torchDType));

        var result = await Live.Harness.RunAsync(scenario, ReferenceSource.TorchSharp);

        var hand = result.HandRolled.FirstNonFiniteEpoch;
        var torch = result.Reference.Torch.FirstNonFiniteEpoch;
        Assert.That(hand, Is.Not.Null, Summary.Text(result));
        Assert.That(torch, Is.Not.Null, Summary.Text(result));
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Mismatch));
        Assert.That(result.Diagnosis.Kind, Is.EqualTo(DiagnosisKind.NonFinite), Summary.Text(result));
        Assert.That(result.Diagnosis.Epoch, Is.EqualTo(Math.Min(hand!.Value, torch!.Value)));
        Assert.That(result.Diagnosis.Side, Is.EqualTo(hand <= torch ? "handRolled" : "torch"));
        Assert.That(result.Diagnosis.Detail, Does.Contain($"the hand-rolled side at epoch {hand}, PyTorch at epoch {torch}"));
        Assert.That(Summary.Text(result), Does.Contain("Diagnosis: non-finite — Both sides' losses became NaN or infinite"));
        var json = VerdictJson.Of(result)["diagnosis"]!;
        Assert.That(((string?)json["kind"], (int?)json["epoch"], (string?)json["side"]), Is.EqualTo(("non-finite", result.Diagnosis.Epoch, result.Diagnosis.Side)));
    }

    /// <summary>A linear 2-3-1 network on XOR, hand-rolled lr 100 and PyTorch's by the learning-rate rule (× N·D/2 = 2).</summary>
    private string Diverging(string torchDType)
    {
        var path = Path.Combine(folder, $"diverging-{torchDType}.json");
        File.WriteAllText(path, $$"""
            {
              "name": "diverging-{{torchDType}}",
              "description": "A learning rate of 100 on a linear network: the loss overflows",
              "data": { "inputs": [[0, 0], [0, 1], [1, 0], [1, 1]], "targets": [[0], [1], [1], [0]] },
              "network": { "layers": [2, 3, 1], "activations": ["identity", "identity"], "bias": true },
              "init": { "from": "torch", "seed": 0 },
              "epochs": 100,
              "handRolled": { "loss": "half-sse", "learningRate": 100, "dtype": "float64" },
              "torch": { "loss": "mse", "learningRate": 200, "dtype": "{{torchDType}}" },
              "expect": "mismatch"
            }
            """);
        return path;
    }
}
