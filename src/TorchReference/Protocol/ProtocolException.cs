namespace Parity.TorchReference.Protocol;

/// <summary>
/// A request or response that does not follow <c>parity-trainer/1</c>: the message names the JSON path and
/// what was expected there.
/// </summary>
public sealed class ProtocolException(string message) : Exception(message);
