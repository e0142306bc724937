using Parity.HandRolled.Model;

namespace Parity.Tests.Support;

/// <summary>The seed question's data and network.</summary>
internal static class Xor
{
    public static Dataset Data { get; } = new(
        [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]],
        [[0.0], [1.0], [1.0], [0.0]]);

    /// <summary>[2, 5, 1], sigmoid, sigmoid.</summary>
    public static NetworkSpec Network(bool bias = false) => new([2, 5, 1], [Activation.Sigmoid, Activation.Sigmoid], bias);

    /// <summary>The regression losses: those that take XOR's (N, 1) targets as they are (the classification losses take class indices or probabilities).</summary>
    public static IReadOnlyList<Loss> RegressionLosses { get; } = [Loss.Mse, Loss.Sse, Loss.HalfSse, Loss.HalfMse, Loss.L1, Loss.SmoothL1];
}
