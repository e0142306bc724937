using Parity.HandRolled.Model;

namespace Parity.Harness.Bench;

/// <summary>
/// A <c>parity-trainer/1</c> response to time, with what its reader checks it against: full-precision doubles (17
/// significant digits, the hardest to print and parse) drawn from a generator seeded 0.
/// </summary>
/// <param name="Network">The network the parameters are named and shaped after.</param>
/// <param name="Options">Epochs and step details: how many losses and steps the reader expects.</param>
/// <param name="Samples">N.</param>
/// <param name="Trace">The response's content.</param>
public sealed record ProtocolSample(NetworkSpec Network, TrainingOptions Options, int Samples, TrainingTrace Trace)
{
    /// <summary>How many numbers the response carries.</summary>
    public long Numbers =>
        Trace.Losses.Count
        + Trace.Steps.Sum(s => s.Gradients.Concat(s.Parameters).Sum(t => (long)t.Values.Count))
        + Trace.FinalParameters.Sum(t => (long)t.Values.Count);

    /// <summary>The first <paramref name="steps"/> steps and the final parameters of a network of <paramref name="layers"/>, biased, after 100 epochs.</summary>
    public static ProtocolSample Steps(int[] layers, int steps)
    {
        var network = new NetworkSpec(layers, [.. layers.Skip(1).Select(_ => Activation.Sigmoid)], Bias: true);
        var random = new Random(0);
        return new ProtocolSample(
            network,
            new TrainingOptions(100, 0.1, Loss.Mse, StepDetails: steps),
            4,
            new TrainingTrace(
                Draw(random, 100),
                [.. Enumerable.Range(0, steps).Select(s => new StepRecord(s, Parameters(network, random), Parameters(network, random)))],
                Parameters(network, random)));
    }

    /// <summary>A run of <paramref name="epochs"/> logged losses on the seed's XOR network: what the <c>trainer</c> command prints most of.</summary>
    public static ProtocolSample Losses(int epochs)
    {
        var network = new NetworkSpec([2, 5, 1], [Activation.Sigmoid, Activation.Sigmoid], Bias: false);
        var random = new Random(0);
        return new ProtocolSample(network, new TrainingOptions(epochs, 0.1, Loss.Mse), 4, new TrainingTrace(Draw(random, epochs), [], Parameters(network, random)));
    }

    private static IReadOnlyList<NamedTensor> Parameters(NetworkSpec network, Random random) =>
        [.. network.ParameterShapes().Select(p => new NamedTensor(p.Name, p.Shape, Draw(random, p.Shape.Aggregate(1, (a, b) => a * b))))];

    // Uniform in ±0.1: a parameter's or a gradient's magnitude, with every mantissa bit random.
    private static double[] Draw(Random random, int count) => [.. Enumerable.Range(0, count).Select(_ => (random.NextDouble() * 0.2) - 0.1)];
}
