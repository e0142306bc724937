using System.Text.Json;
using NUnit.Framework;
using Parity.HandRolled.Model;

namespace Parity.Tests.Support;

/// <summary>
/// <c>shared/reference/numpy_uniform01_seed0_xor.json</c>: what numpy 1.24 computed for the seed question's XOR
/// network (see the README beside it). The repository is cloned with <c>shared/</c> beside it.
/// </summary>
internal sealed record NumpyReference(
    IReadOnlyList<NamedTensor> InitialParameters, IReadOnlyList<double> Losses, IReadOnlyList<NamedTensor> FinalParameters)
{
    private const string FileName = "numpy_uniform01_seed0_xor.json";

    /// <summary>The network the reference trained: 2-5-1, sigmoid after both layers, no bias.</summary>
    public static NetworkSpec Network { get; } = new([2, 5, 1], [Activation.Sigmoid, Activation.Sigmoid], Bias: false);

    /// <summary>The reference's training: gradient of 0.5·Σ(p−t)², lr 0.3, full batch, float64, 5000 epochs.</summary>
    public static TrainingOptions Options { get; } = new(Epochs: 5000, LearningRate: 0.3, Loss: Loss.HalfSse);

    /// <summary>XOR, as the seed code writes it.</summary>
    public static Dataset Xor { get; } = new(
        [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]],
        [[0.0], [1.0], [1.0], [0.0]]);

    /// <summary>Loads the reference, or marks the test ignored when <c>shared/</c> is not beside the repository.</summary>
    public static NumpyReference Load()
    {
        var path = Locate();
        if (path is null)
        {
            Assert.Ignore(
                $"The numpy reference {FileName} was not found in {Path.Combine(Repository.Root, "..", "shared", "reference")}; "
                + "clone the repository with shared/ beside it to run this test.");
        }

        using var json = JsonDocument.Parse(File.ReadAllText(path!));
        var root = json.RootElement;
        return new NumpyReference(
            Tensors(root.GetProperty("torchLayoutInitialParameters")),
            root.GetProperty("losses").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
            Tensors(root.GetProperty("finalParameters")));
    }

    private static string? Locate()
    {
        var path = Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "reference", FileName));
        return File.Exists(path) ? path : null;
    }

    // JsonElement.GetDouble parses the round-trip printed numbers exactly, culture-free.
    private static NamedTensor[] Tensors(JsonElement array) =>
        array.EnumerateArray()
            .Select(t => new NamedTensor(
                t.GetProperty("name").GetString()!,
                t.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
                t.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToArray()))
            .ToArray();
}
