using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Parity.HandRolled.Maths;
using Parity.HandRolled.Model;
using Parity.HandRolled;
using Parity.Harness.Scenarios;

namespace Parity.Tests.HandRolled.Maths;

/// <summary>
/// A random network, parameters and data set for checking gradients against central finite differences, drawn
/// away from every kink so that the loss is smooth within the finite-difference step. A float32 case's parameters
/// and data are float32 numbers, so that its network computes at exactly the point where the float64 finite
/// differences are taken.
/// </summary>
/// <param name="Network">The architecture.</param>
/// <param name="Loss">The loss whose gradient is checked.</param>
/// <param name="DType">What the engines compute in; finite differences are always float64.</param>
/// <param name="Parameters">Where the gradient is taken.</param>
/// <param name="Data">The samples.</param>
/// <param name="Redraws">How many draws were rejected for coming near a kink before this one.</param>
public sealed record GradientCase(
    NetworkSpec Network, Loss Loss, DType DType, IReadOnlyList<NamedTensor> Parameters, Dataset Data, int Redraws)
{
    /// <summary>
    /// Central difference step. Parameters, inputs and targets are O(1), so the truncation error h²·|L'''|/6 is
    /// ~1e-11 and the rounding error ε·|L|/h ~2e-11·|L|; both far below the tolerances of the check.
    /// </summary>
    public const double Step = 1e-5;

    /// <summary>
    /// How close to a kink a case may come: relu's and selu's at z = 0, L1's at p − t = 0, smooth-L1's second
    /// derivative's at |p − t| = 1. A step of h moves z and p by ~h·O(1) = 1e-5, 100× less than this; float32
    /// rounding moves them by ~1e-6.
    /// </summary>
    public const double KinkMargin = 1e-3;

    /// <summary>
    /// The finite difference's own rounding error, in units of ε·|L|/h: each loss evaluation is off by a few ε·|L| (its
    /// terms summed), and the difference divides that by 2h. Measured up to 1.6 (L = 407: SSE over 3 rows of a 16-class
    /// log-softmax, whose outputs are about −ln 16 each); allowed 10. Below |L| ≈ 45 the check's atol is the wider.
    /// </summary>
    public const double FiniteDifferenceRounding = 10;

    private const int MaxDraws = 10_000;

    /// <summary>Draws a kink-free case from <paramref name="seed"/>; deterministic.</summary>
    public static GradientCase Draw(NetworkSpec network, Loss loss, int samples, int seed, DType dtype = DType.Float64)
    {
        var random = new Random(seed);
        Func<double, double> representable = dtype == DType.Float32 ? v => (float)v : v => v;
        for (var draw = 0; draw < MaxDraws; draw++)
        {
            var candidate = new GradientCase(
                network,
                loss,
                dtype,
                DrawParameters(network, random, representable),
                DrawData(network, loss, samples, random, representable),
                draw);
            if (!candidate.IsNearKink())
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No kink-free case in {MaxDraws} draws for {network} and seed {seed}.");
    }

    /// <summary>
    /// Every gradient entry of both engines (one update of <see cref="Trainer.Train(NetworkSpec, TrainingOptions, IReadOnlyList{NamedTensor}, Dataset, Engine, Blas?)"/>
    /// in the case's dtype, its recorded gradients) against <c>(L(p + h) − L(p − h)) / 2h</c> of the float64
    /// <see cref="Trainer.LossValue"/>, allowed <c>max(atol, <see cref="FiniteDifferenceRounding"/>·ε·|L|/h) + rtol·|fd|</c> and,
    /// for float32, <see cref="Float32Rounding"/>'s bound.
    /// </summary>
    public IReadOnlyList<GradientCheck> Checks(double rtol, double atol)
    {
        var readable = EngineGradients(Engine.Readable);
        var fast = EngineGradients(Engine.Fast);
        var rounding = DType == DType.Float32 ? Float32Rounding.Allowances(Network, Loss, Parameters, Data) : null;
        var loss = Math.Abs(Trainer.LossValue(Network, Loss, Parameters, Data));
        var tolerance = new Tolerance(rtol, Math.Max(atol, FiniteDifferenceRounding * Math.Pow(2, -52) * loss / Step));
        var checks = new List<GradientCheck>();
        for (var t = 0; t < Parameters.Count; t++)
        {
            for (var i = 0; i < Parameters[t].Values.Count; i++)
            {
                var fd = (LossAt(t, i, +Step) - LossAt(t, i, -Step)) / (2 * Step);
                var allowed = tolerance.Allowance(fd) + (rounding?[t][i] ?? 0);
                checks.Add(new GradientCheck(Parameters[t].Name, i, fd, readable[t].Values[i], fast[t].Values[i], allowed));
            }
        }

        return checks;
    }

    /// <summary>One line per entry of <see cref="Checks"/> that fails.</summary>
    public IReadOnlyList<string> FiniteDifferenceMismatches(double rtol, double atol) =>
        [.. Checks(rtol, atol).Where(c => !c.Passes).Select(c => c.ToString())];

    /// <summary>Whether any analytic gradient entry is non-zero (a check that is all zeros proves little).</summary>
    public bool HasNonZeroGradient() =>
        Trainer.Gradients(Network, Loss, Parameters, Data).Any(g => g.Values.Any(v => v != 0));

    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"[{string.Join(", ", Network.Layers)}] {string.Join("/", Network.Activations)}, bias {Network.Bias}, "
            + $"{Loss}, {DType}, N = {Data.Count}");

    private static NamedTensor[] DrawParameters(NetworkSpec network, Random random, Func<double, double> representable) =>
        network.ParameterShapes()
            .Select(p =>
            {
                // Weights scaled by 1/√fan-in keep every pre-activation O(1) at any width.
                var scale = p.Shape.Length == 2 ? 1.5 / Math.Sqrt(p.Shape[1]) : 0.5;
                var values = Enumerable.Range(0, p.Shape.Aggregate(1, (a, b) => a * b))
                    .Select(_ => representable(scale * ((2 * random.NextDouble()) - 1)))
                    .ToArray();
                return new NamedTensor(p.Name, p.Shape, values);
            })
            .ToArray();

    // Inputs in (−1, 1); targets as the loss takes them: class indices for cross-entropy and NLL, values in (0, 1) for
    // BCE and BCE with logits, in (−1, 1) for the rest.
    private static Dataset DrawData(NetworkSpec network, Loss loss, int samples, Random random, Func<double, double> representable)
    {
        IReadOnlyList<double> Row(int width, Func<double> value) => Enumerable.Range(0, width).Select(_ => representable(value())).ToArray();
        IReadOnlyList<double>[] Rows(int width, Func<double> value) => Enumerable.Range(0, samples).Select(_ => Row(width, value)).ToArray();
        double Signed() => (2 * random.NextDouble()) - 1;

        var inputs = Rows(network.Layers[0], Signed);
        var classes = network.Layers[^1];
        var targets = loss switch
        {
            Loss.CrossEntropy or Loss.Nll => Rows(1, () => random.Next(classes)),
            Loss.Bce or Loss.BceWithLogits => Rows(classes, random.NextDouble),
            _ => Rows(classes, Signed),
        };
        return new Dataset(inputs, targets);
    }

    /// <summary>
    /// Whether <paramref name="last"/> as the output layer suits <paramref name="loss"/>: BCE takes probabilities, so its
    /// output is a sigmoid or a softmax; every other loss is defined on any output.
    /// </summary>
    public static bool Suits(Activation last, Loss loss) => loss != Loss.Bce || last is Activation.Sigmoid or Activation.Softmax;

    private IReadOnlyList<NamedTensor> EngineGradients(Engine engine) =>
        Trainer.Train(Network, new TrainingOptions(1, 0.0, Loss, DType, StepDetails: 1, Logged: Logged), Parameters, Data, engine)
            .Steps[0].Gradients;

    // Class-index targets are logged as cross-entropy: an MSE against them means nothing.
    private Logged Logged => Loss.TakesClassIndices() ? Logged.CrossEntropy : Logged.Mse;

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

        if (Loss is not (Loss.L1 or Loss.SmoothL1))
        {
            return false;
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
