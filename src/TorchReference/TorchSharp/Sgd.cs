using Parity.HandRolled.Model;
using TorchSharp;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace Parity.TorchReference.TorchSharp;

/// <summary>
/// <c>torch.optim.SGD</c>'s single-tensor step, operation for operation as PyTorch's <c>_single_tensor_sgd</c> and
/// TorchSharp's <c>optim.SGD</c> write it: <c>d = g + λ·p</c>; with momentum the buffer starts as a copy of the first d,
/// then <c>b = μ·b + d</c>; <c>p += −lr·b</c>.
/// </summary>
/// <remarks>
/// Not TorchSharp's own <c>optim.SGD</c>: that passes each coefficient as a temporary <see cref="Scalar"/> made by an
/// implicit conversion and not kept alive through the native call, so under parallel load the garbage collector can
/// finalise (free) it while libtorch still reads it — seen as "Expected false to be true … toDouble" in 22 of 160 runs
/// with a collecting thread beside them, and as a failed test in the suite. So do overloads without one, such as
/// <c>add_(t)</c> (a Scalar of 1). Every coefficient here is an explicit Scalar owned by this step for its whole life.
/// </remarks>
internal sealed class Sgd : IDisposable
{
    private readonly (string Name, Parameter Parameter)[] parameters;
    private readonly Scalar minusLearningRate;
    private readonly Scalar weightDecay;
    private readonly Scalar momentum;
    private readonly Scalar one = 1.0.ToScalar();
    private readonly Optimizer optimizer;
    private readonly Tensor?[] buffers;

    public Sgd(IEnumerable<(string Name, Parameter Parameter)> parameters, double learningRate, Optimizer optimizer)
    {
        this.parameters = [.. parameters];
        this.optimizer = optimizer;
        minusLearningRate = (-learningRate).ToScalar();
        weightDecay = optimizer.WeightDecay.ToScalar();
        momentum = optimizer.Momentum.ToScalar();
        buffers = new Tensor?[this.parameters.Length];
    }

    /// <summary>Clears every parameter's gradient, as <c>optimizer.zero_grad()</c> (set to None).</summary>
    public void ZeroGrad()
    {
        foreach (var (_, parameter) in parameters)
        {
            parameter.grad = null;
        }
    }

    /// <summary>One update from the gradients autograd left on the parameters.</summary>
    public void Step()
    {
        using var scope = NewDisposeScope();
        using (no_grad())
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                var p = parameters[i].Parameter;
                if (p.grad is not { } grad)
                {
                    continue;
                }

                var d = optimizer.WeightDecay != 0 ? grad.add(p, weightDecay) : grad;
                if (optimizer.Momentum != 0)
                {
                    if (buffers[i] is not { } buffer)
                    {
                        buffers[i] = d.clone().detach().DetachFromDisposeScope();
                    }
                    else
                    {
                        buffer.mul_(momentum).add_(d, one); // add_(d) alone would make a temporary Scalar of 1
                    }

                    d = buffers[i]!;
                }

                p.add_(d, minusLearningRate);
            }
        }
    }

    public void Dispose()
    {
        foreach (var buffer in buffers)
        {
            buffer?.Dispose();
        }

        minusLearningRate.Dispose();
        weightDecay.Dispose();
        momentum.Dispose();
        one.Dispose();
    }
}
