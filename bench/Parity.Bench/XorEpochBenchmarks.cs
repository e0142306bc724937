using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using Parity.HandRolled;
using Parity.HandRolled.Fast;
using Parity.HandRolled.Init;
using Parity.HandRolled.Model;

namespace Parity.Bench;

/// <summary>
/// One full-batch epoch of the seed question: XOR, [2, 5, 1] sigmoid, no bias, float64, gradient of 0.5·Σ(p−t)²,
/// lr 0.3 — forward, logged MSE, backward, update — on the readable engine and on the fast one.
/// </summary>
[MemoryDiagnoser]
public class XorEpochBenchmarks
{
    private static readonly NetworkSpec Network = new([2, 5, 1], [Activation.Sigmoid, Activation.Sigmoid], Bias: false);
    private static readonly double[] Inputs = [0, 0, 1, 1, 0, 1, 0, 1]; // (4, 2) column-major
    private static readonly double[] Targets = [0, 1, 1, 0];

    private Mlp<double> readable = null!;
    private FastMlp<double> fast = null!;
    private Matrix<double> x = null!;
    private Matrix<double> y = null!;

    [GlobalSetup]
    public void Setup()
    {
        var initial = Initializers.Uniform01(Network, seed: 0);
        readable = new Mlp<double>(Network, initial);
        fast = new FastMlp<double>(Network, initial, batch: 4, Blas.Managed);
        Inputs.CopyTo(fast.Input, 0);
        x = Matrix<double>.Build.Dense(4, 2, Inputs);
        y = Matrix<double>.Build.Dense(4, 1, Targets);
    }

    [Benchmark(Baseline = true)]
    public double Readable()
    {
        var forward = readable.Forward(x);
        var logged = Parity.HandRolled.Maths.LossFunctions.Mse(forward.Layers[^1], y);
        readable.Update(readable.Backward(forward, y, Loss.HalfSse), 0.3, Optimizer.Plain);
        return logged;
    }

    [Benchmark]
    public double Fast() => fast.Step(Targets, Loss.HalfSse, 0.3, Optimizer.Plain);
}
