using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NUnit.Framework;
using Parity.HandRolled.Model;
using Parity.TorchReference;
using Parity.Tests.Support;

namespace Parity.Tests.TorchReference;

public sealed class TorchReferenceClientTests
{
    [Test]
    public async Task DefaultInit_Seed0NoBias_IsTheFirstRowTheSeedQuestionQuotes()
    {
        var torch = await Live.TorchAsync();
        var parameters = await torch.DefaultInitAsync(Xor.Network(), seed: 0);

        Assert.That(parameters.Select(p => p.Name), Is.EqualTo(new[] { "0.weight", "1.weight" }));
        // The sanity figure: first row ≈ [-0.0053, 0.3793] (four decimals, so ±5e-5).
        Assert.That(parameters[0].Values[0], Is.EqualTo(-0.0053).Within(5e-5));
        Assert.That(parameters[0].Values[1], Is.EqualTo(0.3793).Within(5e-5));
    }

    [Test]
    [Explicit("a second Python that imports torch, about 1 s of CPU; .ci/run runs it with --filter TestCategory=Slow")]
    [Category("Slow")]
    public async Task DefaultInit_Seed0NoBias_EqualsWhatAPythonUserGets()
    {
        var torch = await Live.TorchAsync();
        var parameters = await torch.DefaultInitAsync(Xor.Network(), seed: 0);

        // What a Python user gets, asked of the same Python directly rather than typed in here.
        var python = RunPython(torch.Info!.Python,
            "import torch, json; from torch import nn; torch.manual_seed(0); "
            + "a = nn.Linear(2, 5, bias=False); b = nn.Linear(5, 1, bias=False); "
            + "print(json.dumps([a.weight.double().flatten().tolist(), b.weight.double().flatten().tolist()]))");
        var expected = JsonSerializer.Deserialize<double[][]>(python)!;

        Assert.That(parameters[0].Values, Is.EqualTo(expected[0]), "0.weight bit for bit");
        Assert.That(parameters[1].Values, Is.EqualTo(expected[1]), "1.weight bit for bit");
    }

    [Test]
    public async Task Train_Returns_OneLossPerEpochStepsAndFinalParameters()
    {
        var torch = await Live.TorchAsync();
        var options = new TrainingOptions(7, 0.6, Loss.Mse, StepDetails: 3);

        var run = await torch.TrainAsync(Xor.Network(bias: true), options, Xor.Data, null, seed: 0);

        Assert.That(run.Trace.Losses, Has.Count.EqualTo(7));
        Assert.That(run.Trace.Steps, Has.Count.EqualTo(3));
        Assert.That(run.Trace.FinalParameters.Select(p => p.Name), Is.EqualTo(new[] { "0.weight", "0.bias", "1.weight", "1.bias" }));
        Assert.That(run.InitialParameters[0].Values, Is.Not.EqualTo(run.Trace.FinalParameters[0].Values));
        Assert.That(run.TorchVersion, Does.StartWith("1.").Or.StartWith("2."));
    }

    [Test]
    public async Task NameAndVersion_AfterARequest_SayPyTorchAndItsPython()
    {
        ITorchReference torch = await Live.TorchAsync();
        var run = await torch.TrainAsync(Xor.Network(), new TrainingOptions(2, 0.6, Loss.Mse), Xor.Data, null);

        Assert.That(torch.Name, Is.EqualTo("pytorch"));
        Assert.That(torch.Version, Is.EqualTo($"PyTorch {run.TorchVersion} (Python {run.PythonVersion})"));
        Assert.That(run.Source, Is.EqualTo("pytorch"));
    }

    [Test]
    public async Task Train_SameRequestTwice_IsBitIdentical()
    {
        var torch = await Live.TorchAsync();
        var options = new TrainingOptions(50, 0.6, Loss.Mse, StepDetails: 2);

        var first = await torch.TrainAsync(Xor.Network(), options, Xor.Data, null, seed: 3);
        var second = await torch.TrainAsync(Xor.Network(), options, Xor.Data, first.InitialParameters);

        Assert.That(second.Trace.Losses, Is.EqualTo(first.Trace.Losses));
    }

    [Test]
    public async Task Gradients_AtInitialParameters_EqualFirstStepGradients()
    {
        var torch = await Live.TorchAsync();
        var options = new TrainingOptions(1, 0.6, Loss.Mse, StepDetails: 1);
        var run = await torch.TrainAsync(Xor.Network(), options, Xor.Data, null, seed: 0);

        var gradients = await torch.GradientsAsync(Xor.Network(), Loss.Mse, DType.Float64, run.InitialParameters, Xor.Data);

        Close.AssertTensors(gradients, run.Trace.Steps[0].Gradients, rtol: 0, atol: 0, "gradients");
    }

    [TestCase(16)]
    [TestCase(200, Category = "Slow", Explicit = true, Reason = "the full load, about 15 s of the one worker; .ci/run runs it with --filter TestCategory=Slow")]
    public async Task Train_ConcurrentRequests_AreBitIdenticalToTheSameSentOneByOne(int count)
    {
        var torch = await Live.TorchAsync();
        // Small and varied: seed, learning rate, bias, dtype and batch differ from one request to the next.
        var requests = Enumerable.Range(0, count).Select(i => (
            Network: Xor.Network(bias: i % 2 == 0),
            Options: new TrainingOptions(4, 0.1 + (0.05 * (i % 13)), Loss.Mse, i % 3 == 0 ? DType.Float32 : DType.Float64,
                i % 5 == 0 ? BatchMode.PerSample : BatchMode.Full, StepDetails: 2),
            Seed: i)).ToList();
        Task<TorchRun> Send((NetworkSpec Network, TrainingOptions Options, int Seed) r) => torch.TrainAsync(r.Network, r.Options, Xor.Data, null, r.Seed);

        var concurrent = await Task.WhenAll(requests.Select(r => Task.Run(() => Send(r))));
        var sequential = new List<TorchRun>();
        foreach (var request in requests)
        {
            sequential.Add(await Send(request));
        }

        var differing = Enumerable.Range(0, requests.Count).Where(i => !Bits(concurrent[i]).SequenceEqual(Bits(sequential[i]))).ToList();
        Assert.That(differing, Is.Empty, $"Concurrent results differ from sequential ones in {differing.Count} / {requests.Count} requests, first: "
            + string.Join(", ", differing.Take(5).Select(i => $"#{i} ({requests[i].Options})")));
    }

    // Everything a run returns, as the bits of each double: equal only when bit-identical (-0 ≠ 0, NaN = NaN).
    private static IEnumerable<long> Bits(TorchRun run) =>
        run.Trace.Losses
            .Concat(run.Trace.Steps.SelectMany(s => s.Gradients.Concat(s.Parameters).SelectMany(t => t.Values)))
            .Concat(run.Trace.FinalParameters.Concat(run.InitialParameters).SelectMany(t => t.Values))
            .Select(BitConverter.DoubleToInt64Bits);

    internal static string RunPython(string python, string code)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(code);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, string.Create(CultureInfo.InvariantCulture, $"{python} -c … failed"));
        return output;
    }
}
