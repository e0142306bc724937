namespace Parity.Harness.Reference;

/// <summary>Where the PyTorch side of a comparison comes from.</summary>
public enum ReferenceSource
{
    /// <summary>The first that can be used here: TorchSharp, else the Python worker, else the committed fixtures.</summary>
    Auto,

    /// <summary>libtorch in process, through TorchSharp: the default live reference, needing nothing but the .NET SDK.</summary>
    TorchSharp,

    /// <summary>Python PyTorch through the worker: the second, independent reference.</summary>
    PyTorch,

    /// <summary>The committed fixtures: what a live reference produced, read back; nothing needs libtorch or Python.</summary>
    Fixtures,
}
