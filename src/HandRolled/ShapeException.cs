namespace Parity.HandRolled;

/// <summary>
/// A shape mistake, said so that a learner can act on it: which layer, which operation, both shapes.
/// (numpy would only say <c>shapes (4,50) and (1,5) not aligned</c>.)
/// </summary>
public sealed class ShapeException(string message) : Exception(message);
