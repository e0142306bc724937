using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using Parity.HandRolled.Model;
using Parity.Harness.Fixtures;
using Parity.Harness.Scenarios;

namespace Parity.Tests.Support;

/// <summary>
/// FsCheck's cases for the round-trip properties: random architectures (depth 1–4, widths 1–16, any activations,
/// bias or not), float64 or float32, 1–30 epochs, N 1–5, full or per-sample batches, up to 3 recorded steps, filled
/// with <see cref="RandomValues"/>. Non-finite values appear where the contract allows them and training can put
/// them — a trace's losses, gradients and parameters; a request's data, initial parameters and options are finite,
/// as the scenario loader requires.
/// </summary>
public static class RandomTraces
{
    public const int MaxDepth = 4;
    public const int MaxWidth = 16;
    public const int MaxEpochs = 30;
    public const int MaxSamples = 5;
    public const int MaxStepDetails = 3;

    public static Arbitrary<TraceCase> Traces() => Arb.From(TraceCases());

    public static Arbitrary<RequestCase> Requests() => Arb.From(RequestCases());

    public static Arbitrary<FixtureCase> Fixtures() => Arb.From(FixtureCases());

    /// <summary>A trace that <c>TrainerProtocol.ReadResponse</c> must accept for its network and options.</summary>
    public static Gen<TraceCase> TraceCases() =>
        from network in Networks()
        from dtype in Gen.Elements(Enum.GetValues<DType>())
        from batch in Gen.Elements(Enum.GetValues<BatchMode>())
        from epochs in Gen.Choose(1, MaxEpochs)
        from samples in Gen.Choose(1, MaxSamples)
        from stepDetails in Gen.Choose(0, MaxStepDetails)
        let options = new TrainingOptions(epochs, 0.1, Loss.Mse, dtype, batch, StepDetails: stepDetails)
        from trace in Traces(network, dtype, epochs, RecordedSteps(options, samples))
        select new TraceCase(network, options, samples, trace);

    public static Gen<RequestCase> RequestCases() =>
        from network in Networks()
        from dtype in Gen.Elements(Enum.GetValues<DType>())
        from batch in Gen.Elements(Enum.GetValues<BatchMode>())
        from loss in Gen.Elements(Enum.GetValues<Loss>())
        from epochs in Gen.Choose(1, 10_000_000)
        from stepDetails in Gen.Choose(0, 100)
        from learningRate in RandomValues.Positive(DType.Float64)
        from momentum in RandomValues.Of(DType.Float64, nonFinite: false).Select(Math.Abs).Where(m => m < 1)
        from weightDecay in RandomValues.Of(DType.Float64, nonFinite: false).Select(Math.Abs)
        from samples in Gen.Choose(1, MaxSamples)
        from inputs in Rows(samples, network.Layers[0])
        from targets in Rows(samples, network.Layers[^1])
        from initial in Parameters(network, DType.Float64, nonFinite: false)
        let options = new TrainingOptions(epochs, learningRate, loss, dtype, batch, new Optimizer(momentum, weightDecay), stepDetails)
        select new RequestCase(network, options, new Dataset(inputs, targets), initial);

    /// <summary>A fixture and a scenario whose two sides may differ in bias and dtype.</summary>
    public static Gen<FixtureCase> FixtureCases() =>
        from network in Networks()
        from handRolled in Sides()
        from torch in Sides()
        from epochs in Gen.Choose(1, MaxEpochs)
        from samples in Gen.Choose(1, MaxSamples)
        from stepDetails in Gen.Choose(0, MaxStepDetails)
        from seed in Gen.Choose(0, int.MaxValue)
        let hash = Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(seed)))
        let scenario = new Scenario(
            "random-fixture",
            "A random fixture written and read back",
            new Dataset([.. Enumerable.Repeat(new double[network.Layers[0]], samples)], [.. Enumerable.Repeat(new double[network.Layers[^1]], samples)]),
            network,
            new InitSpec(InitSource.Torch),
            epochs,
            handRolled,
            torch,
            Tolerance.DefaultFor(handRolled.DType, torch.DType),
            Verdict.Parity,
            "random-fixture.json",
            hash)
        let torchNetwork = scenario.NetworkOf(torch)
        from handRolledInitial in Parameters(scenario.NetworkOf(handRolled), handRolled.DType, nonFinite: false)
        from torchInitial in Parameters(torchNetwork, torch.DType, nonFinite: false)
        from trace in Traces(torchNetwork, torch.DType, epochs, RecordedSteps(torch.ToOptions(epochs, stepDetails), samples))
        let meta = new FixtureMeta(scenario.Name, hash, "1.13.0a0", "3.11.2", torch.DType.Name(), epochs, stepDetails, "property test")
        select new FixtureCase(scenario, new Fixture(meta, handRolledInitial, torchInitial, trace));

    /// <summary>The parameters of <paramref name="network"/>, in the contract's order and shapes.</summary>
    public static Gen<IReadOnlyList<NamedTensor>> Parameters(NetworkSpec network, DType dtype, bool nonFinite) =>
        Gen.CollectToArray(network.ParameterShapes()
            .Select(p => RandomValues.Of(dtype, nonFinite)
                .ArrayOf(p.Shape.Aggregate(1, (a, b) => a * b))
                .Select(values => new NamedTensor(p.Name, p.Shape, values))))
            .Select(tensors => (IReadOnlyList<NamedTensor>)tensors);

    private static Gen<NetworkSpec> Networks() =>
        from depth in Gen.Choose(1, MaxDepth)
        from widths in Gen.Choose(1, MaxWidth).ArrayOf(depth + 1)
        from activations in Gen.Elements(Enum.GetValues<Activation>()).ArrayOf(depth)
        from bias in Gen.Elements(false, true)
        select new NetworkSpec(widths, activations, bias);

    // A SideSpec carries no MiniBatch (its size) yet: full batch or per sample.
    private static Gen<SideSpec> Sides() =>
        from dtype in Gen.Elements(Enum.GetValues<DType>())
        from batch in Gen.Elements(BatchMode.Full, BatchMode.PerSample)
        from bias in Gen.Elements<bool?>(null, false, true)
        select new SideSpec(Loss.Mse, 0.1, dtype, batch, Optimizer.Plain, bias);

    // What a reader expects: one loss per epoch and the first min(K, updates) steps.
    private static Gen<TrainingTrace> Traces(NetworkSpec network, DType dtype, int epochs, int steps) =>
        from losses in RandomValues.Of(dtype, nonFinite: true).ArrayOf(epochs)
        from records in (from gradients in Parameters(network, dtype, nonFinite: true)
                         from parameters in Parameters(network, dtype, nonFinite: true)
                         select (gradients, parameters)).ArrayOf(steps)
        from final in Parameters(network, dtype, nonFinite: true)
        select new TrainingTrace(losses, [.. records.Select((r, i) => new StepRecord(i, r.gradients, r.parameters))], final);

    private static int RecordedSteps(TrainingOptions options, int samples) =>
        (int)Math.Min(options.StepDetails, options.Batch == BatchMode.Full ? options.Epochs : (long)options.Epochs * samples);

    private static Gen<IReadOnlyList<double>[]> Rows(int count, int width) =>
        RandomValues.Of(DType.Float64, nonFinite: false).ArrayOf(width).Select(r => (IReadOnlyList<double>)r).ArrayOf(count);
}
