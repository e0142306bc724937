using TorchSharp;
using static TorchSharp.torch;
using Loss = Parity.HandRolled.Model.Loss;

namespace Parity.TorchReference.TorchSharp;

/// <summary>
/// A side's loss as torch_worker.py's <c>loss_function</c> builds it, from TorchSharp's own modules:
/// <c>nn.MSELoss()</c> (mean over N·D), <c>nn.MSELoss(reduction: Sum)</c>, <c>nn.L1Loss()</c>,
/// <c>nn.SmoothL1Loss(beta: 1)</c>, and the half variants as a PyTorch user writes them: <c>0.5 * sse(p, t)</c>,
/// <c>0.5 * mse(p, t)</c>.
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
            _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, null),
        };
        factor = loss is Loss.HalfSse or Loss.HalfMse ? 0.5.ToScalar() : null;
    }

    /// <summary>The loss of predictions p against targets t, both (batch, out): a scalar tensor, with autograd.</summary>
    public Tensor Call(Tensor prediction, Tensor target)
    {
        var value = module.call(prediction, target);
        return factor is null ? value : value.mul(factor);
    }

    public void Dispose()
    {
        module.Dispose();
        factor?.Dispose();
    }
}
