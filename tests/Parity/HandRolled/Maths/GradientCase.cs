using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Parity.HandRolled;
using Parity.HandRolled.Model;

namespace Parity.Tests.HandRolled.Maths;

/// <summary>
/// A random network, parameters and data set for checking gradients against central finite differences, drawn
/// away from every kink so that the loss is smooth within the finite-difference step.
/// </summary>
public sealed record GradientCase(NetworkSpec Network, Loss Loss, IReadOnlyList<NamedTensor> Parameters, Dataset Data)
{
    /// <summary>
    /// Central difference step. Parameters, inputs and targets are O(1), so the truncation error h²·|L'''|/6 is
    /// ~1e-11 and the rounding error ε·|L|/h ~2e-11·|L|; both far below the tolerances of the check.
    /// </summary>
    public const double Step = 1e-5;

    /// <summary>
    /// How close to a kink a case may come: relu's and selu's at z = 0, L1's at p − t = 0, smooth-L1's second
    /// derivative's at |p − t| = 1. A step of h moves z and p by ~h·O(1) = 1e-5, 100× less than this.
    /// </summary>
    public const double KinkMargin = 1e-3;

    private const int MaxDraws = 10_000;

    /// <summary>Draws a kink-free case from <paramref name="seed"/>; deterministic.</summary>
    public static GradientCase Draw(NetworkSpec network, Loss loss, int samples, int seed)
    {
        var random = new Random(seed);
        for (var draw = 0; draw < MaxDraws; draw++)
        {
            var candidate = new GradientCase(network, loss, DrawParameters(network, random), DrawData(network, samples, random));
            if (!candidate.IsNearKink())
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No kink-free case in {MaxDraws} draws for {network} and seed {seed}.");
    }

    /// <summary>
    /// Each analytic gradient entry against <c>(L(p + h) − L(p − h)) / 2h</c> of <see cref="Trainer.LossValue"/>;
    /// returns one line per entry outside <c>atol + rtol·|fd|</c>.
    /// </summary>
    public IReadOnlyList<string> FiniteDifferenceMismatches(double rtol, double atol)
    {
        var analytic = Trainer.Gradients(Network, Loss, Parameters, Data);
        var mismatches = new List<string>();
        for (var t = 0; t < Parameters.Count; t++)
        {
            for (var i = 0; i < Parameters[t].Values.Count; i++)
            {
                var fd = (LossAt(t, i, +Step) - LossAt(t, i, -Step)) / (2 * Step);
                var actual = analytic[t].Values[i];
                if (!(Math.Abs(actual - fd) <= atol + (rtol * Math.Abs(fd))))
                {
                    mismatches.Add(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{Parameters[t].Name}[{i}]: analytic {actual:R}, finite difference {fd:R}"));
                }
            }
        }

        return mismatches;
    }

    /// <summary>Whether any analytic gradient entry is non-zero (a check that is all zeros proves little).</summary>
    public bool HasNonZeroGradient() =>
        Trainer.Gradients(Network, Loss, Parameters, Data).Any(g => g.Values.Any(v => v != 0));

    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"[{string.Join(", ", Network.Layers)}] {string.Join("/", Network.Activations)}, bias {Network.Bias}, "
            + $"{Loss}, N = {Data.Count}");

    private static NamedTensor[] DrawParameters(NetworkSpec network, Random random) =>
        network.ParameterShapes()
            .Select(p =>
            {
                // Weights scaled by 1/√fan-in keep every pre-activation O(1) at any width.
                var scale = p.Shape.Length == 2 ? 1.5 / Math.Sqrt(p.Shape[1]) : 0.5;
                var values = Enumerable.Range(0, p.Shape.Aggregate(1, (a, b) => a * b))
                    .Select(_ => scale * ((2 * random.NextDouble()) - 1))
                    .ToArray();
                return new NamedTensor(p.Name, p.Shape, values);
            })
            .ToArray();

    private static Dataset DrawData(NetworkSpec network, int samples, Random random)
    {
        IReadOnlyList<double> Row(int width) =>
            Enumerable.Range(0, width).Select(_ => (2 * random.NextDouble()) - 1).ToArray();
        IReadOnlyList<double>[] Rows(int width) => Enumerable.Range(0, samples).Select(_ => Row(width)).ToArray();

        return new Dataset(Rows(network.Layers[0]), Rows(network.Layers[^1]));
    }

    private double LossAt(int tensor, int index, double delta)
    {
        var values = Parameters[tensor].Values.ToArray();
        values[index] += delta;
        var shifted = Parameters.ToArray();
        shifted[tensor] = shifted[tensor] with { Values = values };
        return Trainer.LossValue(Network, Loss, shifted, Data);
    }

    private bool IsNearKink()
    {
        var mlp = new Mlp<double>(Network, Parameters);
        var (layers, z) = mlp.Forward(Matrix<double>.Build.DenseOfRows(Data.Inputs));
        for (var l = 1; l <= Network.Depth; l++)
        {
            if (Network.Activations[l - 1] is Activation.Relu or Activation.Selu
                && z[l].Enumerate().Any(v => Math.Abs(v) < KinkMargin))
            {
                return true;
            }
        }

        var residuals = (layers[^1] - Matrix<double>.Build.DenseOfRows(Data.Targets)).Enumerate();
        return Loss switch
        {
            Loss.L1 => residuals.Any(r => Math.Abs(r) < KinkMargin),
            Loss.SmoothL1 => residuals.Any(r => Math.Abs(r) < KinkMargin || Math.Abs(Math.Abs(r) - 1) < KinkMargin),
            _ => false,
        };
    }
}
