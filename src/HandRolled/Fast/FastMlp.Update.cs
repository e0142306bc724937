using System.Numerics;
using Parity.HandRolled.Model;

namespace Parity.HandRolled.Fast;

internal sealed partial class FastMlp<T>
{
    /// <summary>
    /// The readable update, in place: <c>d = g + λ·p</c>; with momentum μ, <c>b = d</c> at the first step, then
    /// <c>b = μ·b + d</c>; <c>p −= lr·b</c> (<c>torch.optim.SGD</c>).
    /// </summary>
    public void Update(T learningRate, Optimizer optimizer)
    {
        var decay = T.CreateChecked(optimizer.WeightDecay);
        var momentum = T.CreateChecked(optimizer.Momentum);
        var first = optimizer.Momentum != 0 && weightMomentum is null;
        if (first)
        {
            weightMomentum = [.. weightGradients.Select(g => new T[g.Length])];
            biasMomentum = [.. biasGradients.Select(g => new T[g.Length])];
        }

        for (var l = 0; l < depth; l++)
        {
            Descend(weights[l], weightGradients[l], weightMomentum?[l], learningRate, decay, momentum, first);
            if (Network.Bias)
            {
                Descend(biases[l], biasGradients[l], biasMomentum?[l], learningRate, decay, momentum, first);
            }
        }
    }

    // The readable engine's matrix operations element by element, with MathNet's ScaleArray for each scaling:
    // d = g + wd·p (no term when wd = 0), b = μ·b + d, then p − lr·b.
    // Whole vectors first (lane by lane the same operations: see Elementwise), then the rest one at a time.
    private static void Descend(T[] p, T[] g, T[]? buffer, T lr, T decay, T momentum, bool first)
    {
        var i = 0;
        for (; i <= p.Length - Vector<T>.Count; i += Vector<T>.Count)
        {
            var parameter = new Vector<T>(p, i);
            var d = decay == T.Zero ? new Vector<T>(g, i) : new Vector<T>(g, i) + Scaled(decay, parameter);
            if (buffer is not null)
            {
                d = first ? d : Scaled(momentum, new Vector<T>(buffer, i)) + d;
                d.CopyTo(buffer, i);
            }

            (parameter - Scaled(lr, d)).CopyTo(p, i);
        }

        for (; i < p.Length; i++)
        {
            var d = decay == T.Zero ? g[i] : g[i] + Scaled(decay, p[i]);
            if (buffer is not null)
            {
                d = buffer[i] = first ? d : Scaled(momentum, buffer[i]) + d;
            }

            p[i] -= Scaled(lr, d);
        }
    }

    // s·x as MathNet's ScaleArray computes it: 0 clears (even a NaN), 1 copies.
    private static T Scaled(T s, T x) => s == T.Zero ? T.Zero : s * x;

    private static Vector<T> Scaled(T s, Vector<T> x) => s == T.Zero ? Vector<T>.Zero : new Vector<T>(s) * x;
}
