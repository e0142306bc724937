using Parity.HandRolled;
using Parity.HandRolled.Fast;
using Parity.HandRolled.Init;
using Parity.HandRolled.Maths;
using Parity.HandRolled.Model;

namespace Parity.Harness.Bench;

/// <summary>
/// A timed training step: one float32 step of [784, <paramref name="Width"/>, 10], <paramref name="Hidden"/> then sigmoid
/// (identity, logits, under cross-entropy), batch <paramref name="Batch"/>, with <paramref name="Loss"/> and
/// <paramref name="Optimizer"/> (plain SGD when none is given). What <c>parity bench</c> times on every side, and the
/// BenchmarkDotNet step benchmarks on the hand-rolled one.
/// </summary>
public sealed record StepShape(int Batch, int Width, Activation Hidden, Loss Loss = Loss.Mse, Optimizer? Optimizer = null)
{
    /// <summary>The optimizer in force.</summary>
    public Optimizer Optimizer { get; } = Optimizer ?? Optimizer.Plain;

    /// <summary>The network, with bias.</summary>
    public NetworkSpec Network { get; } = new([784, Width, 10], [Hidden, Loss.TakesClassIndices() ? Activation.Identity : Activation.Sigmoid], Bias: true);

    /// <summary>One epoch's options, as every side gets them: Adam at its own default rate, SGD at 0.1.</summary>
    public TrainingOptions Options => new(
        1, Optimizer.Kind == OptimizerKind.Sgd ? 0.1 : 0.001, Loss, DType.Float32, Optimizer: Optimizer,
        Logged: Loss.TakesClassIndices() ? Logged.CrossEntropy : Logged.Mse);

    /// <summary>
    /// The fast engine's step of this shape on fresh Glorot weights and random data (class indices for cross-entropy),
    /// its large products on <paramref name="blas"/>, as a call to time again and again.
    /// </summary>
    public Action HandRolledStep(Blas blas)
    {
        var random = new Random(0);
        var mlp = new FastMlp<float>(Network, Initializers.Glorot(Network, seed: 0, gain: 1), Batch, blas);
        for (var i = 0; i < mlp.Input.Length; i++)
        {
            mlp.Input[i] = random.NextSingle();
        }

        var targets = Loss.TakesClassIndices()
            ? [.. Enumerable.Range(0, Batch).Select(_ => (float)random.Next(10))]
            : Enumerable.Range(0, Batch * 10).Select(_ => random.NextSingle()).ToArray();
        var options = Options;
        return () => mlp.Step(targets, options.Loss, options.LearningRate, options.Optim, options.Logged);
    }

    /// <inheritdoc/>
    public override string ToString() => $"[784, {Width}, 10] {Hidden.Name()} batch {Batch}, {Loss.Name()}, {Optimizer.Kind.Name()}";
}
