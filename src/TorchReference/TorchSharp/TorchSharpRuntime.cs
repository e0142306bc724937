namespace Parity.TorchReference.TorchSharp;

/// <summary>What was loaded in this process, and how.</summary>
/// <param name="Libtorch">libtorch's version, e.g. <c>2.10.0</c>.</param>
/// <param name="TorchSharp">TorchSharp's package version, e.g. <c>0.107.0</c>.</param>
/// <param name="Threads">libtorch's intra-op threads now: 1, set on load.</param>
/// <param name="DefaultThreads">libtorch's intra-op threads before they were set to 1 (its default: the cores).</param>
/// <param name="Binding">How <c>libLibTorchSharp.so</c> was loaded: as shipped, or which patched copy.</param>
public sealed record TorchSharpRuntime(string Libtorch, string TorchSharp, int Threads, int DefaultThreads, string Binding)
{
    /// <summary>E.g. <c>libtorch 2.10.0 (TorchSharp 0.107.0)</c>.</summary>
    public string Version => $"libtorch {Libtorch} (TorchSharp {TorchSharp})";
}
