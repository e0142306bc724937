using MathNet.Numerics.LinearAlgebra;
using Parity.HandRolled.Model;

namespace Parity.HandRolled;

internal sealed partial class Mlp<T>
{
    private Matrix<T>[]? weightMomentum;
    private Matrix<T>[]? biasMomentum;

    /// <summary>
    /// One SGD step with <c>torch.optim.SGD</c>'s semantics: <c>d = g + λ·p</c>; with momentum μ the buffer
    /// starts as the first d, then <c>b = μ·b + d</c>; <c>p −= lr·b</c>. Plain SGD is the seed's <c>W −= lr·dW</c>.
    /// </summary>
    public void Update(Gradients gradients, double learningRate, Optimizer optimizer)
    {
        var lr = ToT(learningRate);
        for (var l = 0; l < weights.Length; l++)
        {
            weights[l] -= Direction(gradients.Weights[l], weights[l], ref weightMomentum, l, optimizer) * lr;
            if (Network.Bias)
            {
                biases[l] -= Direction(gradients.Biases[l], biases[l], ref biasMomentum, l, optimizer) * lr;
            }
        }
    }

    private Matrix<T> Direction(Matrix<T> g, Matrix<T> p, ref Matrix<T>[]? buffers, int l, Optimizer optimizer)
    {
        var d = optimizer.WeightDecay == 0 ? g : g + (p * ToT(optimizer.WeightDecay));
        if (optimizer.Momentum == 0)
        {
            return d;
        }

        buffers ??= new Matrix<T>[weights.Length];
        buffers[l] = buffers[l] is null ? d.Clone() : (buffers[l] * ToT(optimizer.Momentum)) + d;
        return buffers[l];
    }
}
