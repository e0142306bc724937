namespace Parity.Harness.Trainers;

/// <summary>
/// An external trainer that did not answer as <c>parity-trainer/1</c> asks: it exited non-zero, printed nothing or
/// something malformed, answered with the wrong losses or parameters, or ran past its timeout. The message quotes
/// what it printed on stderr.
/// </summary>
public sealed class TrainerException(string message) : Exception(message);
