namespace Parity.TorchReference.Worker;

/// <summary>
/// The PyTorch worker failed a request: it died (the message quotes the end of its stderr), timed out, answered
/// something that is not a response, or reported an error of its own. The next request starts a fresh worker.
/// </summary>
public sealed class TorchWorkerException(string message) : Exception(message);
