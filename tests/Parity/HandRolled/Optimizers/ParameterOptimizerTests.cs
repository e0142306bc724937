using System.Globalization;
using NUnit.Framework;
using Parity.HandRolled.Model;
using Parity.HandRolled.Optimizers;
using Parity.Harness.Scenarios;
using Parity.Tests.Support;
using Parity.TorchReference.TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Tests.HandRolled.Optimizers;

/// <summary>
/// Every optimizer kind and hyperparameter variant against <c>torch.optim</c> as the TorchSharp reference runs it
/// (<see cref="TorchOptimizer"/>: TorchSharp 0.107's transcription of torch.optim on libtorch 2.10's kernels, with
/// Scalars the garbage collector cannot free mid-call; TorchOptimizerTests holds it to TorchSharp's own classes), in float64: three parameter tensors of different shapes,
/// 25 steps of the same gradients on both sides (drawn once, of sizes from 1e-3 to 10, with exact zeros among them), the
/// parameters compared after every step.
/// </summary>
public sealed class ParameterOptimizerTests
{
    private const int Steps = 25;
    internal const double LearningRate = 0.05;

    // Each update is the same float64 operations on both sides but for two roundings: libtorch fuses add(x, alpha=a)
    // into one multiply-add where ParameterOptimizer rounds the product first (as numpy does), and TorchSharp keeps
    // Adam's m (and centered RMSprop's mean) as m·β1 + (1 − β1)·g where PyTorch 2.x and ParameterOptimizer take lerp.
    // Either moves an update by an ulp or two of itself, and so a parameter by an ulp of the largest |p| (≤ 2) now and
    // then; measured over every variant and step: at most 4.5e-16 of the largest |p|, 2 ulps. So 1e-15 relative, and
    // 2e-15 absolute for the entries near zero (whose differences are ulps of the larger values they were summed with):
    // a few ulps of room, and a β, ε or decay 1e-6 off still fails (Step_AdamHyperparameterOffBy1e6_…).
    private const double Rtol = 1e-15;
    private const double Atol = 2e-15;

    internal static readonly long[][] Shapes = [[3, 4], [4], [2, 3]];

    public static IEnumerable<TestCaseData> Variants() =>
        new (string Name, Optimizer Optimizer)[]
        {
            ("sgd", Optimizer.Sgd()),
            ("sgd momentum", Optimizer.Sgd(momentum: 0.9)),
            ("sgd momentum dampening", Optimizer.Sgd(momentum: 0.9, dampening: 0.3)),
            ("sgd nesterov", Optimizer.Sgd(momentum: 0.9, nesterov: true)),
            ("sgd weight decay", Optimizer.Sgd(weightDecay: 0.01)),
            ("sgd nesterov weight decay", Optimizer.Sgd(momentum: 0.8, nesterov: true, weightDecay: 0.05)),
            ("sgd momentum dampening weight decay", Optimizer.Sgd(momentum: 0.5, dampening: 0.5, weightDecay: 0.02)),
            ("adam", Optimizer.Adam()),
            ("adam betas eps", Optimizer.Adam(beta1: 0.8, beta2: 0.99, eps: 1e-6)),
            ("adam beta1 0.3 (lerp's other branch)", Optimizer.Adam(beta1: 0.3)),
            ("adam weight decay", Optimizer.Adam(weightDecay: 0.1)),
            ("adam amsgrad", Optimizer.Adam(amsgrad: true)),
            ("adam amsgrad weight decay", Optimizer.Adam(weightDecay: 0.05, amsgrad: true)),
            ("adamw", Optimizer.AdamW()),
            ("adamw weight decay 0.1 amsgrad", Optimizer.AdamW(weightDecay: 0.1, amsgrad: true)),
            ("adamw betas eps", Optimizer.AdamW(beta1: 0.5, beta2: 0.9, eps: 1e-4)),
            ("rmsprop", Optimizer.RmsProp()),
            ("rmsprop centered", Optimizer.RmsProp(centered: true)),
            ("rmsprop momentum", Optimizer.RmsProp(momentum: 0.9)),
            ("rmsprop alpha 0.3 centered (lerp's other branch)", Optimizer.RmsProp(alpha: 0.3, centered: true)),
            ("rmsprop centered momentum weight decay", Optimizer.RmsProp(alpha: 0.9, eps: 1e-6, momentum: 0.5, centered: true, weightDecay: 0.01)),
        }.Select(v => new TestCaseData(v.Optimizer).SetArgDisplayNames(v.Name));

    [TestCaseSource(nameof(Variants))]
    public void Step_EveryStep_EqualsTorchOptim(Optimizer optimizer)
    {
        var (initial, gradients) = Draw(seed: 11);

        var (ours, torch) = (Ours(optimizer, initial, gradients), TorchOptim(optimizer, initial, gradients));

        for (var s = 0; s < Steps; s++)
        {
            Close.Assert(ours[s], torch[s], Rtol, Atol, $"Parameters after step {s}");
        }

        var scaled = ours.Zip(torch, (a, e) => a.Zip(e, (x, y) => Math.Abs(x - y)).Max() / e.Max(Math.Abs)).Max();
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"greatest difference {scaled:E1} of the largest |p|"));
    }

    [TestCase(nameof(Optimizer.Beta1))]
    [TestCase(nameof(Optimizer.Beta2))]
    [TestCase(nameof(Optimizer.Eps))]
    [TestCase(nameof(Optimizer.WeightDecay))]
    public void Step_AdamHyperparameterOffBy1e6_PartsFromTorchOptimBeyondTheTolerance(string member)
    {
        // The tolerance must be able to fail: a hyperparameter 1e-6 off (relative) is caught within the 25 steps.
        var (initial, gradients) = Draw(seed: 11);
        var asked = Optimizer.Adam(eps: 1e-3, weightDecay: 0.1);
        var off = member switch
        {
            nameof(Optimizer.Beta1) => asked with { Beta1 = asked.Beta1 * (1 + 1e-6) },
            nameof(Optimizer.Beta2) => asked with { Beta2 = asked.Beta2 * (1 + 1e-6) },
            nameof(Optimizer.Eps) => asked with { Eps = asked.Eps * (1 + 1e-6) },
            _ => asked with { WeightDecay = asked.WeightDecay * (1 + 1e-6) },
        };

        var (ours, torch) = (Ours(off, initial, gradients)[^1], TorchOptim(asked, initial, gradients)[^1]);

        var worst = ours.Zip(torch, (a, e) => Math.Abs(a - e) / new Tolerance(Rtol, Atol).Allowance(e)).Max();
        Assert.That(worst, Is.GreaterThan(10), "the greatest difference in units of the allowance");
    }

    [Test]
    public void Step_SgdDampening_BufferStartsUndamped()
    {
        // torch.optim.SGD's buffer is the first gradient itself; dampening applies from the second step on.
        var optimizer = ParameterOptimizer<double>.For(Optimizer.Sgd(momentum: 0.9, dampening: 0.5), [1]);
        double[] p = [1.0];

        optimizer.Step(0, p, [2.0], learningRate: 0.1);
        var afterFirst = p[0];
        optimizer.Step(0, p, [2.0], learningRate: 0.1);

        Assert.That(afterFirst, Is.EqualTo(1.0 - (0.1 * 2.0)));
        Assert.That(p[0], Is.EqualTo(afterFirst - (0.1 * ((0.9 * 2.0) + (0.5 * 2.0)))));
    }

    [Test]
    public void Step_AdamFirstStep_IsLearningRateTimesSignForLargeGradients()
    {
        // With both moments bias-corrected, Adam's first step is lr·g/(|g| + ε): lr·sign(g) up to lr·ε/|g| ≤ 2e-10 here.
        var optimizer = ParameterOptimizer<double>.For(Optimizer.Adam(), [2]);
        double[] p = [0.0, 0.0];

        optimizer.Step(0, p, [3.0, -0.5], learningRate: 0.01);

        Assert.That(p, Is.EqualTo(new[] { -0.01, 0.01 }).Within(1e-9));
    }

    // Parameters in (−1, 1); per step a scale from 1e-3 to 10, every 7th entry an exact zero.
    internal static (double[][] Initial, double[][][] Gradients) Draw(int seed)
    {
        var random = new Random(seed);
        double[] Values(long[] shape, double scale, bool zeros) =>
            [.. Enumerable.Range(0, (int)shape.Aggregate(1L, (a, b) => a * b))
                .Select(i => zeros && i % 7 == 3 ? 0 : scale * ((2 * random.NextDouble()) - 1))];
        var initial = Shapes.Select(s => Values(s, 1, zeros: false)).ToArray();
        var gradients = Enumerable.Range(0, Steps)
            .Select(_ => Math.Pow(10, (4 * random.NextDouble()) - 3))
            .Select(scale => Shapes.Select(s => Values(s, scale, zeros: true)).ToArray())
            .ToArray();
        return (initial, gradients);
    }

    // The parameters after each step, all tensors flattened in order.
    private static double[][] Ours(Optimizer hyperparameters, double[][] initial, double[][][] gradients)
    {
        var optimizer = ParameterOptimizer<double>.For(hyperparameters, [.. initial.Select(p => p.Length)]);
        var parameters = initial.Select(p => p.ToArray()).ToArray();
        return [.. gradients.Select(step =>
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                optimizer.Step(i, parameters[i], step[i], LearningRate);
            }

            return parameters.SelectMany(p => p).ToArray();
        })];
    }

    /// <summary>The parameters after each of the steps, as <see cref="TorchOptimizer"/> takes them from these gradients.</summary>
    internal static double[][] TorchOptim(Optimizer hyperparameters, double[][] initial, double[][][] gradients)
    {
        NativeLoader.Ensure();
        using var scope = NewDisposeScope();
        var parameters = initial.Select((p, i) => new Parameter(tensor(p, Shapes[i], ScalarType.Float64))).ToArray();
        using var optimizer = new TorchOptimizer(parameters.Select((p, i) => ($"{i}", p)), LearningRate, hyperparameters);
        return Run(parameters, gradients, optimizer.Step);
    }

    /// <summary>Sets each step's gradients on the parameters, calls <paramref name="step"/>, and reads them back.</summary>
    internal static double[][] Run(Parameter[] parameters, double[][][] gradients, Action step) =>
    [
        .. gradients.Select(g =>
        {
            using var stepScope = NewDisposeScope();
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].grad = tensor(g[i], Shapes[i], ScalarType.Float64);
            }

            step();
            return parameters.SelectMany(p => p.data<double>().ToArray()).ToArray();
        }),
    ];
}
