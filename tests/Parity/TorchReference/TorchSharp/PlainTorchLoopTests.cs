using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NUnit.Framework;
using Parity.HandRolled.Model;
using Parity.Harness.Output;
using Parity.Harness.Reference;
using Parity.Harness.Running;
using Parity.Harness.Scenarios;
using Parity.TorchReference.TorchSharp;
using Parity.Tests.Support;

namespace Parity.Tests.TorchReference.TorchSharp;

/// <summary>
/// Both sides — the TorchSharp reference and the hand-rolled engine, from the same start — against plain PyTorch as a user writes it (<c>plain_torch_loop.py</c> beside this file: the
/// CSV read with the csv module, a DataLoader-free loop over numpy <c>RandomState</c> permutations, Adam,
/// <c>CrossEntropyLoss</c>): the same curve on Fisher's iris, 100 epochs of mini-batches of 16 (a partial last batch of 6),
/// 1,000 Adam updates. Python PyTorch 1.13 against libtorch 2.10: float64 to 1e-10 relative (issue 12's bound for a
/// scenario's sides against plain PyTorch), float32 to 1e-4.
/// </summary>
public sealed class PlainTorchLoopTests
{
    private const int Epochs = 100;
    private static readonly NetworkSpec Network = new([4, 16, 3], [Activation.Tanh, Activation.Identity], Bias: true);
    private static readonly Lazy<Task<JsonElement>> Plain = new(PlainAsync);

    [TestCase(DType.Float64, 1e-10)]
    [TestCase(DType.Float32, 1e-4)]
    public async Task Train_IrisAdamCrossEntropyShuffledMiniBatches_EqualsPlainPyTorchsCurve(DType dtype, double rtol)
    {
        var plain = Plain.Value; // importing torch takes longer than training: Python runs while TorchSharp trains
        var options = new TrainingOptions(
            Epochs, 0.01, Loss.CrossEntropy, dtype, BatchMode.MiniBatch, Optimizer.Adam(), 0, new MiniBatch(16, Shuffle: true, Seed: 0), Logged.CrossEntropy);

        var run = await new TorchSharpReference().TrainAsync(Network, options, Iris.ClassIndices, null, seed: 0);
        var hand = Parity.HandRolled.Trainer.Train(Network, options, run.InitialParameters, Iris.ClassIndices); // the other side, from the same start
        var expected = (await plain).GetProperty(dtype.Name());

        var losses = expected.GetProperty("losses").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Close.Assert(run.Trace.Losses, losses, rtol, 0, $"{dtype.Name()} losses, TorchSharp");
        Close.Assert(hand.Losses, losses, rtol, 0, $"{dtype.Name()} losses, hand-rolled");
        if (dtype == DType.Float64)
        {
            // nn.Sequential counts its modules (Linear, Tanh, Linear): the contract's layer l is the script's module 2l.
            var final = expected.GetProperty("final");
            foreach (var (name, values) in run.Trace.FinalParameters.Select(p => (p.Name, p.Values)))
            {
                var (layer, kind) = (int.Parse(name.Split('.')[0], CultureInfo.InvariantCulture), name.Split('.')[1]);
                var python = final.GetProperty($"{2 * layer}.{kind}").EnumerateArray().Select(e => e.GetDouble()).ToList();
                Close.Assert(values, python, rtol, 1e-15, $"final {name}");
            }
        }

        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{dtype.Name()}: loss {losses[0]:G4} → {losses[^1]:G4}; greatest relative differences: TorchSharp {Close.GreatestRelative(run.Trace.Losses, losses):E1}, hand-rolled {Close.GreatestRelative(hand.Losses, losses):E1}"));
    }

    /// <summary>
    /// The same loop stated as a scenario file outside the catalogue, its data a CSV file beside it, run by the harness:
    /// both sides' curves — the hand-rolled trainer and the TorchSharp reference — equal plain PyTorch's.
    /// </summary>
    [TestCase(DType.Float64, 1e-10)]
    [TestCase(DType.Float32, 1e-4)]
    public async Task Run_ScenarioFileOutsideTheCatalogue_BothSidesEqualPlainPyTorchsCurve(DType dtype, double rtol)
    {
        var plain = Plain.Value;
        await Live.TorchSharpAsync();
        var folder = Directory.CreateTempSubdirectory("parity-plain-").FullName;
        File.Copy(Iris.Path, Path.Combine(folder, "flowers.csv"));
        var side = $$"""
            { "loss": "cross-entropy", "learningRate": 0.01, "dtype": "{{dtype.Name()}}", "optimizer": { "kind": "adam" },
              "batch": { "size": 16, "shuffle": true, "seed": 0 } }
            """;
        var file = Path.Combine(folder, "flowers-adam.json");
        await File.WriteAllTextAsync(file, $$"""
            {
              "name": "flowers-adam",
              "description": "iris under another name, as plain_torch_loop.py trains it",
              "data": { "csv": "flowers.csv", "target": "species", "targetEncoding": "class-index" },
              "network": { "layers": [4, 16, 3], "activations": ["tanh", "identity"], "bias": true },
              "init": { "from": "torch", "seed": 0 },
              "epochs": {{Epochs}},
              "handRolled": {{side}},
              "torch": {{side}},
              "logged": "cross-entropy",
              "tolerance": { "rtol": {{rtol}}, "atol": 0 }
            }
            """);
        await using var harness = new ParityHarness(new HarnessOptions(Repository.Root, ReferenceSource.TorchSharp));

        var result = await harness.RunAsync(harness.Load(file));
        Directory.Delete(folder, recursive: true);

        var losses = (await plain).GetProperty(dtype.Name()).GetProperty("losses").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Parity), Summary.Text(result));
        Close.Assert(result.HandRolled.Losses, losses, rtol, 0, $"{dtype.Name()} losses, hand-rolled");
        Close.Assert(result.Reference.Torch.Losses, losses, rtol, 0, $"{dtype.Name()} losses, TorchSharp");
    }

    // One Python run serves both dtypes: importing torch takes longer than the two trainings.
    private static async Task<JsonElement> PlainAsync()
    {
        var python = (await Live.TorchAsync()).Info!.Python;
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(Repository.Root, "tests", "Parity", "TorchReference", "TorchSharp", "plain_torch_loop.py"), Iris.Path, $"{Epochs}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, $"plain_torch_loop.py failed: {error}");
        using var document = JsonDocument.Parse(await output);
        return document.RootElement.Clone();
    }
}
