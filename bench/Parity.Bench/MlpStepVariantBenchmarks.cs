using BenchmarkDotNet.Attributes;
using Parity.HandRolled;
using Parity.HandRolled.Model;
using Parity.Harness.Bench;

namespace Parity.Bench;

/// <summary>
/// One training step of [784, 256, 10], sigmoid hidden layer, bias, batch 256, float32, products on the system's
/// OpenBLAS, with each loss and optimizer of <c>parity bench</c>'s training table (<see cref="EngineBench.Trainings"/>)
/// and its plain MSE and SGD step, which is <see cref="MlpStepBenchmarks.OpenBlas"/>'s. The step is the one
/// <c>parity bench</c> times (<see cref="StepShape.HandRolledStep"/>), made in the setup.
/// </summary>
[MemoryDiagnoser]
public class MlpStepVariantBenchmarks
{
    private Action step = null!;

    /// <summary>The shapes: plain MSE and SGD, then the training table's.</summary>
    public static IEnumerable<StepShape> Shapes() =>
        EngineBench.Trainings.Select(t => new StepShape(256, 256, Activation.Sigmoid, t.Loss, t.Optimizer))
            .Prepend(new StepShape(256, 256, Activation.Sigmoid));

    /// <summary>The shape timed.</summary>
    [ParamsSource(nameof(Shapes))]
    public StepShape Shape { get; set; } = null!;

    [GlobalSetup]
    public void Setup() => step = Shape.HandRolledStep(Blas.System ?? Blas.Managed);

    [Benchmark]
    public void Step() => step();
}
