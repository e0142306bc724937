using Parity.HandRolled.Model;

namespace Parity.Harness.Diagnosis;

public sealed partial class Diagnoser
{
    /// <summary>
    /// ∂(hand-rolled loss)/∂p ÷ ∂(PyTorch loss)/∂p when both losses are of the squared-error family, whose gradients
    /// are c·(p − t): mse 2/(N·D), sse 2, half-sse 1, half-mse 1/(N·D), N being the batch (1 per sample). Null when
    /// no constant relates them (L1, smooth L1 against another loss).
    /// </summary>
    private double? GradientScale()
    {
        var n = scenario.HandRolled.Batch == BatchMode.Full ? scenario.Data.Count : 1;
        var elements = n * scenario.Network.Layers[^1];
        if (scenario.HandRolled.Loss == scenario.Torch.Loss)
        {
            return 1.0;
        }

        return Coefficient(scenario.HandRolled.Loss, elements) is { } hand && Coefficient(scenario.Torch.Loss, elements) is { } torch
            ? hand / torch
            : null;
    }

    private static double? Coefficient(Loss loss, int elements) => loss switch
    {
        Loss.Mse => 2.0 / elements,
        Loss.Sse => 2.0,
        Loss.HalfSse => 1.0,
        Loss.HalfMse => 1.0 / elements,
        _ => null,
    };
}
