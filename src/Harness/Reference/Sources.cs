using Parity.TorchReference;
using Parity.TorchReference.TorchSharp;

namespace Parity.Harness.Reference;

/// <summary>The names of the reference sources, as the CLI, the run settings and the verdict JSON write them.</summary>
public static class Sources
{
    /// <summary>The names <c>--reference</c> takes: <c>auto</c>, <c>torchsharp</c>, <c>pytorch</c>, <c>fixtures</c>, and <c>live</c> for the default live source.</summary>
    public static IReadOnlyList<string> All { get; } = ["auto", "torchsharp", "pytorch", "fixtures", "live"];

    /// <summary>A source's name.</summary>
    public static string Name(ReferenceSource source) => source switch
    {
        ReferenceSource.TorchSharp => TorchSharpReference.SourceName,
        ReferenceSource.PyTorch => TorchReferenceClient.SourceName,
        ReferenceSource.Fixtures => "fixtures",
        _ => "auto",
    };

    /// <summary>Parses a source's name; <c>live</c> is the default live source, TorchSharp.</summary>
    /// <exception cref="ArgumentException">An unknown name.</exception>
    public static ReferenceSource Parse(string name) => name switch
    {
        "auto" => ReferenceSource.Auto,
        "torchsharp" or "live" => ReferenceSource.TorchSharp,
        "pytorch" => ReferenceSource.PyTorch,
        "fixtures" => ReferenceSource.Fixtures,
        _ => throw new ArgumentException($"unknown reference \"{name}\"; expected one of {string.Join(", ", All)}"),
    };

    /// <summary>A live reference's numbers described by who computed them.</summary>
    public static string Describe(string producer, string torchVersion, string pythonVersion) =>
        producer == TorchSharpReference.SourceName
            ? $"libtorch {torchVersion} (TorchSharp)"
            : $"PyTorch {torchVersion} (Python {pythonVersion})";
}
