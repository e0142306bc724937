using NUnit.Framework;
using Parity.HandRolled.Model;
using Parity.Harness.Output;
using Parity.Harness.Reference;
using Parity.Harness.Running;
using Parity.Harness.Scenarios;
using Parity.TorchReference;
using Parity.TorchReference.TorchSharp;
using Parity.Tests.Support;

namespace Parity.Tests.Harness.Running;

/// <summary>
/// Which reference a session uses: auto takes TorchSharp, else the Python worker, else the fixtures, and says why;
/// a source asked for by name that cannot be used is an error that says why.
/// </summary>
public sealed class ParityHarnessSourcesTests
{
    private const string NoLibtorch = "libLibTorchSharp.so: cannot open shared object file (a stand-in for a machine libtorch cannot load on)";

    [Test]
    public async Task Run_AutoWithoutTorchSharp_UsesThePythonWorkerAndSaysWhy()
    {
        await Live.TorchAsync();
        await using var harness = new ParityHarness(new HarnessOptions(Repository.Root), Live.Harness, new Unloadable());

        var result = await harness.RunAsync(harness.Load("xor-rmsprop"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Reference.Source, Is.EqualTo(ReferenceSource.PyTorch));
            Assert.That(result.Reference.Note, Does.StartWith("TorchSharp is unavailable, so the Python worker's PyTorch is the reference: ").And.Contain(NoLibtorch));
            Assert.That(VerdictJson.Of(result)["reference"]!["note"]!.GetValue<string>(), Is.EqualTo(result.Reference.Note));
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Parity));
        });
    }

    [Test]
    public async Task Run_AutoWithNoLiveReference_UsesTheFixturesAndSaysWhyForBoth()
    {
        await using var harness = new ParityHarness(new HarnessOptions(Repository.Root), new Unloadable(), ["/nonexistent/python3"]);

        var result = await harness.RunAsync(harness.Load("xor-seed-parity"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Reference.Source, Is.EqualTo(ReferenceSource.Fixtures));
            Assert.That(result.Reference.Producer, Is.EqualTo(TorchSharpReference.SourceName), "the committed fixtures come from TorchSharp");
            Assert.That(result.Reference.Description, Does.StartWith("fixtures made by libtorch "));
            Assert.That(result.Reference.Note, Does.Contain(NoLibtorch).And.Contain("/nonexistent/python3"));
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Parity));
        });
    }

    [Test]
    public async Task Run_TorchSharpAskedForWhereItCannotLoad_IsAnErrorWithTheReason()
    {
        await using var harness = new ParityHarness(new HarnessOptions(Repository.Root), new Unloadable());

        var error = Assert.ThrowsAsync<TorchSharpUnavailableException>(() => harness.RunAsync(harness.Load("xor-seed-parity"), ReferenceSource.TorchSharp));

        Assert.That(error!.Message, Does.Contain(NoLibtorch));
    }

    [Test]
    public async Task Run_AutoWhereTorchSharpLoads_IsTorchSharpWithoutANote()
    {
        await Live.TorchSharpAsync();

        var result = await Live.Harness.RunAsync(Live.Harness.Load("xor-rmsprop"), ReferenceSource.Auto);

        Assert.That((result.Reference.Source, result.Reference.Note, result.Reference.PythonVersion), Is.EqualTo((ReferenceSource.TorchSharp, (string?)null, "")));
        Assert.That(result.Reference.Description, Does.StartWith("libtorch 2.10"));
    }

    [TestCase("live", ReferenceSource.TorchSharp)]
    [TestCase("torchsharp", ReferenceSource.TorchSharp)]
    [TestCase("pytorch", ReferenceSource.PyTorch)]
    [TestCase("fixtures", ReferenceSource.Fixtures)]
    [TestCase("auto", ReferenceSource.Auto)]
    public void Parse_EveryName_IsItsSource(string name, ReferenceSource source) => Assert.That(Sources.Parse(name), Is.EqualTo(source));

    [Test]
    public void Parse_UnknownName_ListsTheNames() =>
        Assert.That(() => Sources.Parse("libtorch"), Throws.ArgumentException.With.Message.EqualTo("unknown reference \"libtorch\"; expected one of auto, torchsharp, pytorch, fixtures, live"));

    /// <summary>An in-process reference on a machine where libtorch cannot be loaded.</summary>
    private sealed class Unloadable : ITorchReference
    {
        public string Name => TorchSharpReference.SourceName;

        public string? Version => null;

        public Task<TorchRun> TrainAsync(NetworkSpec network, TrainingOptions options, Dataset data, IReadOnlyList<NamedTensor>? initialParameters, int seed = 0, CancellationToken cancellation = default) =>
            throw Failure();

        public Task<IReadOnlyList<NamedTensor>> DefaultInitAsync(NetworkSpec network, int seed, CancellationToken cancellation = default) => throw Failure();

        public Task<IReadOnlyList<NamedTensor>> GradientsAsync(NetworkSpec network, Loss loss, DType dtype, IReadOnlyList<NamedTensor> parameters, Dataset data, CancellationToken cancellation = default) =>
            throw Failure();

        private static TorchSharpUnavailableException Failure() => new($"TorchSharp cannot be loaded here: {NoLibtorch}");
    }
}
