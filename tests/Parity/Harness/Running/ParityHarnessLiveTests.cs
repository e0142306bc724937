using NUnit.Framework;
using Parity.HandRolled.Init;
using Parity.HandRolled.Model;
using Parity.Harness.Reference;
using Parity.Tests.Support;

namespace Parity.Tests.Harness.Running;

/// <summary>A session answers a live request it has already made from the first run, and only that request.</summary>
public sealed class ParityHarnessLiveTests
{
    [TestCase(ReferenceSource.TorchSharp)]
    [TestCase(ReferenceSource.PyTorch)]
    public async Task TrainLive_SameRequestAgain_IsTheFirstRunWhileAnotherRequestTrains(ReferenceSource source)
    {
        _ = source == ReferenceSource.PyTorch ? await Live.TorchAsync() : await Live.TorchSharpAsync();
        var network = Xor.Network();
        var initial = Initializers.Uniform01(network, seed: 11);
        var options = new TrainingOptions(50, 0.123, Loss.Mse);

        var first = await Live.Harness.TrainLiveAsync(source, network, options, Xor.Data, initial);
        var again = await Live.Harness.TrainLiveAsync(source, network, options, Xor.Data, initial);
        var other = await Live.Harness.TrainLiveAsync(source, network, options with { LearningRate = 0.124 }, Xor.Data, initial);

        Assert.That(again, Is.SameAs(first), "the same request is answered by the first run");
        Assert.That(other, Is.Not.SameAs(first));
        Assert.That(other.Trace.Losses[^1], Is.Not.EqualTo(first.Trace.Losses[^1]), "another learning rate trains anew");
        Assert.That(first.Source, Is.EqualTo(Sources.Name(source)));
    }
}
