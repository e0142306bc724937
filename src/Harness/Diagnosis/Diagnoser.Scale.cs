namespace Parity.Harness.Diagnosis;

public sealed partial class Diagnoser
{
    /// <summary>
    /// ∂(hand-rolled loss)/∂p ÷ ∂(PyTorch loss)/∂p: 1 for the same loss, the ratio of their constant factors within
    /// the squared-error family (<see cref="Explain.GradientScale"/>), null when no constant relates them.
    /// </summary>
    private double? GradientScale() =>
        scenario.HandRolled.Loss == scenario.Torch.Loss && scenario.HandRolled.Batch == scenario.Torch.Batch ? 1.0
        : Explain.GradientScale.Of(scenario.HandRolled, scenario) is { } hand && Explain.GradientScale.Of(scenario.Torch, scenario) is { } torch
            ? hand / torch
            : null;
}
