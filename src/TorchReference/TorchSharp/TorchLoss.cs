using TorchSharp;
using static TorchSharp.torch;
using Loss = Parity.HandRolled.Model.Loss;

namespace Parity.TorchReference.TorchSharp;

/// <summary>
/// A side's loss as torch_worker.py's <c>loss_function</c> builds it, from TorchSharp's own modules, every one with the
/// mean reduction unless named otherwise: <c>nn.MSELoss()</c> (mean over N·D), <c>nn.MSELoss(reduction: Sum)</c>,
/// <c>nn.L1Loss()</c>, <c>nn.SmoothL1Loss(beta: 1)</c>, <c>nn.CrossEntropyLoss()</c>, <c>nn.NLLLoss()</c>,
/// <c>nn.BCELoss()</c>, <c>nn.BCEWithLogitsLoss()</c>, and the half variants as a PyTorch user writes them:
/// <c>0.5 * sse(p, t)</c>, <c>0.5 * mse(p, t)</c>.
/// </summary>
internal sealed class TorchLoss : IDisposable
{
    private readonly nn.Module<Tensor, Tensor, Tensor> module;
    private readonly Scalar? factor;

    public TorchLoss(Loss loss)
    {
        module = loss switch
        {
            Loss.Mse or Loss.HalfMse => nn.MSELoss(),
            Loss.Sse or Loss.HalfSse => nn.MSELoss(nn.Reduction.Sum),
            Loss.L1 => nn.L1Loss(),
            Loss.SmoothL1 => nn.SmoothL1Loss(beta: 1.0),
            Loss.CrossEntropy => nn.CrossEntropyLoss(),
            Loss.Nll => nn.NLLLoss(),
            Loss.Bce => nn.BCELoss(),
            Loss.BceWithLogits => nn.BCEWithLogitsLoss(),
            _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, null),
        };
        factor = loss is Loss.HalfSse or Loss.HalfMse ? 0.5.ToScalar() : null;
        TakesClassIndices = TakesClasses(loss);
    }

    /// <summary>Whether the loss's targets are class indices, (N) int64, rather than values shaped as the output.</summary>
    public bool TakesClassIndices { get; }

    /// <summary>Whether <paramref name="loss"/> takes class indices: <c>CrossEntropyLoss</c> and <c>NLLLoss</c>.</summary>
    public static bool TakesClasses(Loss loss) => loss is Loss.CrossEntropy or Loss.Nll;

    /// <summary>The loss of predictions p (batch, out) against the batch's targets: a scalar tensor, with autograd.</summary>
    public Tensor Call(Tensor prediction, BatchTargets target)
    {
        var value = module.call(prediction, TakesClassIndices ? target.Classes! : target.Values);
        return factor is null ? value : value.mul(factor);
    }

    public void Dispose()
    {
        module.Dispose();
        factor?.Dispose();
    }
}
