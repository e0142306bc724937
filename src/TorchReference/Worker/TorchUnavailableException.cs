namespace Parity.TorchReference.Worker;

/// <summary>No Python that can <c>import torch</c> was found: the message lists what was tried and how to install it.</summary>
public sealed class TorchUnavailableException(string message) : Exception(message);
