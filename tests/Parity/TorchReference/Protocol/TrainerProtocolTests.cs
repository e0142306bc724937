using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Parity.HandRolled.Model;
using Parity.Tests.Support;
using Parity.TorchReference.Protocol;

namespace Parity.Tests.TorchReference.Protocol;

/// <summary>
/// <c>parity-trainer/1</c> carries numbers bit for bit: whatever a trainer or the harness writes is read back as the
/// same doubles, compared by their bits (so −0 is not +0), names and shapes — as text, the way the processes
/// exchange it (<c>ToJsonString</c>, then <c>JsonDocument.Parse</c>).
/// </summary>
public sealed class TrainerProtocolTests
{
    [FsCheck.NUnit.Property(Arbitrary = [typeof(RandomTraces)], MaxTest = 200)]
    public Property ReadResponse_RandomTraceWrittenByResponse_IsTheSameBitForBit(TraceCase c)
    {
        using var document = JsonDocument.Parse(TrainerProtocol.Response(c.Trace));

        var read = TrainerProtocol.ReadResponse(document.RootElement, c.Network, c.Options, c.Samples);

        var differences = BitExact.Differences(c.Trace, read);
        return HardValueKinds.Classified((differences.Count == 0).Label($"{c}: {string.Join("; ", differences.Take(5))}"), c.Values, c.Options.DType);
    }

    [FsCheck.NUnit.Property(Arbitrary = [typeof(RandomTraces)], MaxTest = 200)]
    public Property ReadRequest_RandomRequestWrittenByRequest_IsTheSameBitForBit(RequestCase c)
    {
        var differences = RequestDifferences(c);

        return (differences.Count == 0).Label($"{c}: {string.Join("; ", differences.Take(5))}");
    }

    [TestCase(2.9802322387695312E-08)] // 2^−25
    [TestCase(4.1045368012983762E-289)] // 2^−958
    public void Request_LearningRateMomentumAndDecayTheRuntimePrintsShort_AreReadBackBitForBit(double value)
    {
        // Found by ReadRequest_RandomRequestWrittenByRequest_IsTheSameBitForBit: the options were written with
        // System.Text.Json's own shortest form, which for these doubles parses back one ulp away.
        var c = new RequestCase(
            Xor.Network(),
            new TrainingOptions(3, value, Loss.HalfSse, Optimizer: new Optimizer(value, value)),
            Xor.Data,
            [new NamedTensor("0.weight", [5, 2], new double[10]), new NamedTensor("1.weight", [1, 5], new double[5])]);

        Assert.That(RequestDifferences(c), Is.Empty);
    }

    [Test]
    public void RandomTraces_FixedSeedSample_HoldEveryKindOfHardValue()
    {
        // The properties prove little unless the traces really carry the values that are hard to print.
        var cases = RandomTraces.TraceCases().ArrayOf(200).Sample(1, new Rnd(3), 1)[0];

        var kinds = cases.SelectMany(c => HardValueKinds.Of(c.Values)).Distinct();

        Assert.That(kinds, Is.EquivalentTo(HardValueKinds.All));
    }

    private static double[] Numbers(TrainingOptions o) =>
        [o.LearningRate, o.Optim.Momentum, o.Optim.WeightDecay, o.Optim.Dampening, o.Optim.Beta1, o.Optim.Beta2, o.Optim.Eps, o.Optim.Alpha];

    private static List<string> RequestDifferences(RequestCase c)
    {
        using var document = JsonDocument.Parse(TrainerProtocol.Request(c.Network, c.Options, c.Data, c.InitialParameters).ToJsonString());

        var read = TrainerProtocol.ReadRequest(document.RootElement);

        var differences = new List<string>();
        if (!read.Network.Layers.SequenceEqual(c.Network.Layers) || !read.Network.Activations.SequenceEqual(c.Network.Activations)
            || read.Network.Bias != c.Network.Bias)
        {
            differences.Add($"network read as [{string.Join(", ", read.Network.Layers)}] {string.Join("/", read.Network.Activations)}, bias {read.Network.Bias}");
        }

        if (read.Options with { LearningRate = 0, Optimizer = null } != c.Options with { LearningRate = 0, Optimizer = null })
        {
            differences.Add($"options read as {read.Options}");
        }

        if (read.Options.Optim with { Momentum = 0, WeightDecay = 0, Dampening = 0, Beta1 = 0, Beta2 = 0, Eps = 0, Alpha = 0 }
            != c.Options.Optim with { Momentum = 0, WeightDecay = 0, Dampening = 0, Beta1 = 0, Beta2 = 0, Eps = 0, Alpha = 0 })
        {
            differences.Add($"optimizer read as {read.Options.Optim}");
        }

        differences.AddRange(BitExact.Values(Numbers(c.Options), Numbers(read.Options), "training.learningRate and the optimizer's hyperparameters"));
        differences.AddRange(c.Data.Inputs.Zip(read.Data.Inputs).SelectMany((r, i) => BitExact.Values(r.First, r.Second, $"data.inputs[{i}]")));
        differences.AddRange(c.Data.Targets.Zip(read.Data.Targets).SelectMany((r, i) => BitExact.Values(r.First, r.Second, $"data.targets[{i}]")));
        if (read.Data.Count != c.Data.Count || read.Data.Targets.Count != c.Data.Targets.Count)
        {
            differences.Add($"data: {c.Data.Count} rows written, {read.Data.Count} read");
        }

        differences.AddRange(BitExact.Tensors(c.InitialParameters, read.InitialParameters, "initialParameters"));
        return differences;
    }
}
