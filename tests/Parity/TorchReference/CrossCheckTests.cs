using System.Globalization;
using NUnit.Framework;
using Parity.HandRolled.Model;
using Parity.Harness.Reference;
using Parity.Harness.Scenarios;
using Parity.Tests.Support;

namespace Parity.Tests.TorchReference;

/// <summary>
/// The two live references, libtorch 2.10 in process (TorchSharp) and Debian's Python PyTorch 1.13 (the worker), over
/// the whole catalogue: the same initial parameters bit for bit, then curves and final parameters within the limits
/// that versions leave (<see cref="Tolerance.AcrossVersions"/>), losses tighter still in float64. Needs Python with torch:
/// skipped without it, required in CI.
/// </summary>
public sealed class CrossCheckTests
{
    public static IEnumerable<TestCaseData> Scenarios() => Repository.CatalogueCases();

    /// <summary>
    /// The default run's share: the seed scenario, in float32. Float64 on the full batch is TorchSharpReferenceTests'
    /// deep network against the worker; shuffled mini-batches from Iris's CSV file, in both dtypes, are
    /// PlainTorchLoopTests' against plain PyTorch.
    /// </summary>
    public static IEnumerable<TestCaseData> Representative() => Scenarios().Where(c => c.Arguments[0] is "xor-seed-parity");

    [TestCaseSource(nameof(Representative))]
    public Task Catalogue_TorchSharpAndPythonPyTorch_AgreeWithinTheLimitsOfTwoVersions(string name) => AgreeAsync(name);

    [TestCaseSource(nameof(Scenarios))]
    [Explicit("the whole catalogue, about 10 s of the one Python worker; .ci/run runs it with --filter TestCategory=Slow")]
    [Category("Slow")]
    public Task EveryCatalogueScenario_TorchSharpAndPythonPyTorch_AgreeWithinTheLimitsOfTwoVersions(string name) => AgreeAsync(name);

    private static async Task AgreeAsync(string name)
    {
        await Live.TorchAsync();
        await Live.TorchSharpAsync();
        var scenario = Live.Harness.Load(name);

        var torchSharp = await Live.Harness.ReferenceAsync(scenario, ReferenceSource.TorchSharp);
        var pyTorch = await Live.Harness.ReferenceAsync(scenario, ReferenceSource.PyTorch);

        var dtype = scenario.Torch.DType;
        var lossRtol = dtype == DType.Float64 ? 1e-12 : 1e-5; // measured: 1.1e-14 and 1.9e-6
        var final = Tolerance.AcrossVersions(dtype, Tolerance.Scale(pyTorch.Torch.FinalParameters.SelectMany(t => t.Values)));
        Assert.Multiple(() =>
        {
            Assert.That(BitExact.Tensors(torchSharp.TorchInitial, pyTorch.TorchInitial, "PyTorch's initial parameters"), Is.Empty);
            Assert.That(BitExact.Tensors(torchSharp.HandRolledInitial, pyTorch.HandRolledInitial, "the hand-rolled initial parameters"), Is.Empty);
            Close.Assert(torchSharp.Torch.Losses, pyTorch.Torch.Losses, lossRtol, 0, $"{name}: losses");
            Close.AssertTensors(torchSharp.Torch.FinalParameters, pyTorch.Torch.FinalParameters, 0, final.Atol, $"{name}: final parameters");
        });
        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{name} ({dtype.Name()}): {torchSharp.Description} against {pyTorch.Description}: greatest relative differences "
            + $"losses {Close.GreatestRelative(torchSharp.Torch.Losses, pyTorch.Torch.Losses):E1}, "
            + $"final parameters {Close.GreatestRelative(torchSharp.Torch.FinalParameters, pyTorch.Torch.FinalParameters):E1}"));
    }
}
