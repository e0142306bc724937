using MathNet.Numerics.LinearAlgebra;
using Parity.HandRolled.Maths;
using Parity.HandRolled.Maths.ActivationFunctions;
using Parity.HandRolled.Model;

namespace Parity.Tests.HandRolled.Maths;

/// <summary>
/// How far a float32 gradient may lie from the exact gradient at the same float32-representable point through
/// rounding alone: the first-order forward error bound <c>k·u·M</c> per entry (Higham, <i>Accuracy and Stability of
/// Numerical Algorithms</i>, §3.1: a sum of n products carries at most γ_n ≈ n·u times the sum of the terms'
/// magnitudes), with u = 2⁻²⁴ and
/// <list type="bullet">
/// <item>M, the same backward pass on magnitudes — |W|, |a| and |f'| in place of W, a and f', and every quantity
/// that is computed by a cancelling sum replaced by the sum of its terms' magnitudes (a pre-activation by
/// |a|·|W| + |b|, a residual by |p| + |t|, SELU's e^z − 1 by e^z + 1; a softmax by what the row's errors and the shift
/// by its max carry into it; the other losses' gradients by their value plus their slope times p's magnitude) — so that
/// cancellation cannot hide rounding;
/// an activation's derivative carries the error it inherits from its input (|∂f'/∂a|·Ā, or f''·Z̄ for SELU,
/// whose derivative is computed from z);</item>
/// <item>k, the longest chain of roundings that feeds one entry: per forward layer fan-in + 1 (the affine map)
/// + 4 (the activation: exp, add, divide, scale), per backward layer fan-out + 2 (δ·Wᵀ and the product with f'),
/// N for the sum over the samples, 4 for the loss gradient and the output derivative; a softmax or log-softmax output
/// adds 2·C + 4 (a sum over the row each way), cross-entropy C + 4 (its log-softmax).</item>
/// </list>
/// Over 5.7 million entries of 30,000 random cases (depth 1–4, widths 1–16, N 1–5) the largest error was 0.24 of
/// this bound and the median 7e-5 of it; the bound itself is a median 1e-3 of |gradient|, so a gradient off by a
/// constant factor, a wrong derivative or a missing term still fails (GradientTests checks that 1 % off fails). With the
/// classification losses and softmax outputs added, over 6,059 float32 cases of <see cref="RandomNetworks"/> (all 65
/// loss × output pairs) no entry failed, and none exceeded the float64 tolerance by more than 2.5 % of this bound.
/// </summary>
internal static class Float32Rounding
{
    private const double UnitRoundoff = 1.0 / (1 << 24);

    // The magnitude of SELU's exponential branch.
    private const double SeluAlphaScale = Selu.Alpha * Selu.Scale;

    private static readonly MatrixBuilder<double> Build = Matrix<double>.Build;

    /// <summary>k·u·M for every gradient entry, in the contract's order and PyTorch layout.</summary>
    public static IReadOnlyList<double[]> Allowances(
        NetworkSpec network, Loss loss, IReadOnlyList<NamedTensor> parameters, Dataset data)
    {
        var k = Chain(network, loss, data.Count);
        return [.. Magnitudes(network, loss, parameters, data).Select(m => m.Select(v => k * UnitRoundoff * v).ToArray())];
    }

    private static int Chain(NetworkSpec network, Loss loss, int samples)
    {
        var forward = Enumerable.Range(1, network.Depth).Sum(l => network.Layers[l - 1] + 1 + 4);
        var backward = Enumerable.Range(2, network.Depth - 1).Sum(l => network.Layers[l] + 2);
        var classes = network.Layers[^1];
        var rowWise = (network.Activations[^1].IsRowWise() ? (2 * classes) + 4 : 0) + (loss == Loss.CrossEntropy ? classes + 4 : 0);
        return forward + backward + rowWise + samples + 4;
    }

    private static List<double[]> Magnitudes(
        NetworkSpec network, Loss loss, IReadOnlyList<NamedTensor> parameters, Dataset data)
    {
        var depth = network.Depth;
        var byName = parameters.ToDictionary(p => p.Name);
        var weights = new Matrix<double>[depth + 1]; // numpy layout (in, out)
        var biases = new Matrix<double>[depth + 1];  // (1, out), zero without bias
        for (var l = 1; l <= depth; l++)
        {
            int fanIn = network.Layers[l - 1], fanOut = network.Layers[l];
            var w = byName[$"{l - 1}.weight"].Values;
            weights[l] = Build.Dense(fanIn, fanOut, (i, o) => w[(o * fanIn) + i]);
            biases[l] = network.Bias ? Build.Dense(1, fanOut, (_, o) => byName[$"{l - 1}.bias"].Values[o]) : Build.Dense(1, fanOut);
        }

        // Forward: a and its magnitude Ā, f' and the magnitude of its error F̄ = |f'| + |∂f'/∂input|·input magnitude.
        var a = new Matrix<double>[depth + 1];
        var aBar = new Matrix<double>[depth + 1];
        var fBar = new Matrix<double>[depth + 1];
        a[0] = Build.DenseOfRows(data.Inputs);
        aBar[0] = a[0].PointwiseAbs();
        for (var l = 1; l <= depth; l++)
        {
            var activation = network.Activations[l - 1];
            var z = (a[l - 1] * weights[l]).MapIndexed((_, j, v) => v + biases[l][0, j]);
            var zBar = (aBar[l - 1] * weights[l].PointwiseAbs()).MapIndexed((_, j, v) => v + Math.Abs(biases[l][0, j]));
            a[l] = Activations.Apply(activation, z);
            if (activation.IsRowWise())
            {
                aBar[l] = RowWiseMagnitude(activation, z, zBar, a[l]);
                continue;
            }

            var derivative = Activations.Backward(activation, Build.Dense(z.RowCount, z.ColumnCount, 1.0), z, a[l]).PointwiseAbs();
            aBar[l] = a[l].PointwiseAbs() + derivative.PointwiseMultiply(zBar);
            if (activation == Activation.Selu)
            {
                aBar[l] += z.Map(v => v > 0 ? 0.0 : SeluAlphaScale * (Math.Exp(v) + 1));
            }

            fBar[l] = derivative + activation switch
            {
                Activation.Sigmoid => a[l].Map(y => Math.Abs(1 - (2 * y))).PointwiseMultiply(aBar[l]),
                Activation.Tanh => a[l].Map(y => 2 * Math.Abs(y)).PointwiseMultiply(aBar[l]),
                Activation.Selu => derivative.PointwiseMultiply(z.Map(v => v > 0 ? 0.0 : 1.0)).PointwiseMultiply(zBar),
                _ => Build.Dense(z.RowCount, z.ColumnCount),
            };
        }

        // Backward on magnitudes: D_L = |∂loss/∂p|-scale ∘ F̄_L (or the row-wise product), D_{l−1} = (D_l·|W_l|ᵀ) ∘ F̄_{l−1}.
        var targets = Build.DenseOfRows(data.Targets);
        var last = network.Activations[depth - 1];
        var lossMagnitude = LossMagnitude(loss, a[depth], aBar[depth], targets);
        var delta = last.IsRowWise()
            ? RowWiseBackwardMagnitude(last, lossMagnitude, a[depth], aBar[depth])
            : lossMagnitude.PointwiseMultiply(fBar[depth]);
        var perLayer = new (double[] Weight, double[] Bias)[depth + 1];
        for (var l = depth; l >= 1; l--)
        {
            perLayer[l] = (aBar[l - 1].TransposeThisAndMultiply(delta).ToColumnMajorArray(), delta.ColumnSums().ToArray());
            if (l > 1)
            {
                delta = delta.TransposeAndMultiply(weights[l].PointwiseAbs()).PointwiseMultiply(fBar[l - 1]);
            }
        }

        var result = new List<double[]>();
        for (var l = 1; l <= depth; l++)
        {
            result.Add(perLayer[l].Weight);
            if (network.Bias)
            {
                result.Add(perLayer[l].Bias);
            }
        }

        return result;
    }

    // The loss gradient's magnitude from p, its magnitude P̄ and the targets: for the regression losses its residual
    // factor r = p − t replaced by |p| + |t| (sign(r) is exact); for the others the gradient's own magnitude plus its
    // sensitivity to p times P̄.
    private static Matrix<double> LossMagnitude(Loss loss, Matrix<double> p, Matrix<double> pBar, Matrix<double> targets)
    {
        double count = p.RowCount * p.ColumnCount;
        var residual = loss.TakesClassIndices() ? p : p - targets;
        var residualBar = loss.TakesClassIndices() ? pBar : pBar + targets.PointwiseAbs();
        return loss switch
        {
            Loss.Mse => residualBar * (2 / count),
            Loss.Sse => residualBar * 2,
            Loss.HalfSse => residualBar,
            Loss.HalfMse => residualBar / count,
            Loss.L1 => Build.Dense(p.RowCount, p.ColumnCount, 1 / count),
            Loss.SmoothL1 => residual.MapIndexed((i, j, r) => (Math.Abs(r) < 1 ? residualBar[i, j] : 1) / count),
            Loss.Nll => p.MapIndexed((i, j, _) => (j == (int)targets[i, 0] ? 1.0 : 0) / p.RowCount),
            Loss.CrossEntropy => CrossEntropyMagnitude(p, pBar, targets),
            Loss.Bce => p.MapIndexed((i, j, v) => BceMagnitude(v, pBar[i, j], targets[i, j]) / count),
            Loss.BceWithLogits => p.MapIndexed((i, j, v) =>
            {
                var s = 1 / (1 + Math.Exp(-v));
                return (s + Math.Abs(targets[i, j]) + (s * (1 - s) * pBar[i, j])) / count;
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, null),
        };
    }

    // (s − y)/N with s = softmax(p): |δs_j| ≤ s_j·(|δp_j| + Σ_k s_k·|δp_k|), plus its own rounding.
    private static Matrix<double> CrossEntropyMagnitude(Matrix<double> p, Matrix<double> pBar, Matrix<double> targets)
    {
        var s = Activations.Apply(Activation.Softmax, p);
        var spread = s.PointwiseMultiply(pBar).RowSums();
        return s.MapIndexed((i, j, v) => ((v * (1 + pBar[i, j] + spread[i])) + (j == (int)targets[i, 0] ? 1 : 0)) / p.RowCount);
    }

    // (p − t)/max((1 − p)·p, 1e-12): its value, amplified by 1 − p's rounding near p = 1, plus its slope times P̄.
    private static double BceMagnitude(double p, double pBar, double t)
    {
        var q = Math.Max((1 - p) * p, 1e-12);
        var slope = Math.Abs((q - ((p - t) * (1 - (2 * p)))) / (q * q));
        return ((Math.Abs(p) + Math.Abs(t)) / q * (1 + (1 / Math.Max(Math.Abs(1 - p), 1e-12)))) + (slope * pBar);
    }

    // A softmax or log-softmax output's magnitude: |a| and what the row's pre-activation errors (Z̄) and the shift by
    // the row's max |z − m| carry into it: δs_j = s_j·(δz_j − Σ_k s_k·δz_k), δ(log s)_j = δz_j − Σ_k s_k·δz_k.
    private static Matrix<double> RowWiseMagnitude(Activation activation, Matrix<double> z, Matrix<double> zBar, Matrix<double> a)
    {
        var s = Activations.Apply(Activation.Softmax, z);
        var max = z.EnumerateRows().Select(r => r.Maximum()).ToArray();
        var shift = z.MapIndexed((i, _, v) => Math.Abs(v - max[i]));
        var spread = s.PointwiseMultiply(zBar + shift).RowSums();
        var error = zBar + shift + Build.Dense(z.RowCount, z.ColumnCount, (i, _) => spread[i] + 1);
        return activation == Activation.Softmax
            ? s + s.PointwiseMultiply(error)
            : a.PointwiseAbs() + error + Build.Dense(z.RowCount, z.ColumnCount, (i, j) => Math.Abs(a[i, j] - z[i, j] + max[i]));
    }

    // The vector-Jacobian product on magnitudes: softmax's a_j·(g_j − Σ_k g_k·a_k), log-softmax's g_j − e^(a_j)·Σ_k g_k,
    // with Ā in place of a where a's error enters.
    private static Matrix<double> RowWiseBackwardMagnitude(Activation activation, Matrix<double> g, Matrix<double> a, Matrix<double> aBar)
    {
        if (activation == Activation.Softmax)
        {
            var weighted = a.PointwiseMultiply(g).RowSums();
            var erred = aBar.PointwiseMultiply(g).RowSums();
            return a.MapIndexed((i, j, v) => ((v + aBar[i, j]) * (g[i, j] + weighted[i])) + (v * erred[i]));
        }

        var sums = g.RowSums();
        return a.MapIndexed((i, j, v) => g[i, j] + (Math.Exp(v) * (1 + aBar[i, j]) * sums[i]));
    }
}
