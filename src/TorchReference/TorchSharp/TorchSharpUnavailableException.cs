namespace Parity.TorchReference.TorchSharp;

/// <summary>
/// TorchSharp's native libraries cannot be loaded on this machine. The message gives the real reason — the dynamic
/// loader's own error, not TorchSharp's advice to add a package reference — so that a caller can fall back to another
/// reference and say why.
/// </summary>
public sealed class TorchSharpUnavailableException(string message) : Exception(message);
