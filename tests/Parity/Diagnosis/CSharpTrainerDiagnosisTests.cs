using NUnit.Framework;
using Parity.HandRolled;
using Parity.HandRolled.Model;
using Parity.Harness.Diagnosis;
using Parity.Harness.Output;
using Parity.Harness.Running;
using Parity.Harness.Scenarios;
using Parity.Harness.Trainers;
using Parity.Tests.Support;

namespace Parity.Tests.Diagnosis;

/// <summary>
/// C# trainers with one mistake each — the hand-rolled engine run with the wrong setting where the scenario
/// declares the right one — must each get the right diagnosis, with its parameter and step.
/// </summary>
public sealed class CSharpTrainerDiagnosisTests
{
    [Test]
    public async Task Diagnose_QuarterLearningRate_IsLearningRateScaleOf4()
    {
        var result = await DiagnoseAsync("xor-bias-parity", (s, o, p) => Train(s, p, o with { LearningRate = o.LearningRate / 4 }));

        Assert.That(result.Diagnosis.Kind, Is.EqualTo(DiagnosisKind.LearningRateScale), Summary.Text(result));
        Assert.That(result.Diagnosis.Factor, Is.EqualTo(4.0).Within(1e-9));
        Assert.That(result.Diagnosis.Detail, Does.Contain("PyTorch lr 0.15 would match (now 0.6)"));
    }

    [Test]
    public async Task Diagnose_LogsHalfSseInsteadOfMse_IsLossLoggingFromEpoch0()
    {
        // 0.5·Σ over N·D = 4 elements is 2 × the mean.
        var result = await DiagnoseAsync("xor-seed-parity-f64", (s, o, p) =>
        {
            var trace = Train(s, p, o);
            return trace with { Losses = [.. trace.Losses.Select(l => 2 * l)] };
        });

        Assert.That(result.Diagnosis.Kind, Is.EqualTo(DiagnosisKind.LossLogging), Summary.Text(result));
        Assert.That(result.Diagnosis.Epoch, Is.Zero);
        Assert.That(result.Diagnosis.Factor, Is.EqualTo(2.0).Within(1e-12));
    }

    [Test]
    public async Task Diagnose_OptimisesL1WhereHalfSseIsDeclared_IsGradientOfTheOutputLayerAtStep0()
    {
        var result = await DiagnoseAsync("xor-bias-parity", (s, o, p) => Train(s, p, o with { Loss = Loss.L1 }));

        Assert.That(result.Diagnosis.Kind, Is.EqualTo(DiagnosisKind.Gradient), Summary.Text(result));
        Assert.That(result.Diagnosis.Parameter, Is.EqualTo("1.weight"));
        Assert.That(result.Diagnosis.Step, Is.Zero);
    }

    [Test]
    public async Task Diagnose_TanhHiddenLayerWhereSigmoidIsDeclared_IsInitialForward()
    {
        var result = await DiagnoseAsync("xor-bias-parity", (s, o, p) =>
            Trainer.Train(s.Network with { Activations = [Activation.Tanh, Activation.Sigmoid] }, o, p, s.Data));

        Assert.That(result.Diagnosis.Kind, Is.EqualTo(DiagnosisKind.InitialForward), Summary.Text(result));
        Assert.That(result.Diagnosis.Step, Is.Zero);
    }

    [Test]
    public async Task Diagnose_MomentumSwitchedOnAfter300Epochs_IsLateDivergenceAtEpoch302()
    {
        var result = await DiagnoseAsync("xor-seed-parity-f64", (s, o, p) =>
        {
            var first = Train(s, p, o with { Epochs = 300 });
            var rest = Train(s, first.FinalParameters, o with { Epochs = o.Epochs - 300, Optimizer = new Optimizer(0.5), StepDetails = 0 });
            return new TrainingTrace([.. first.Losses, .. rest.Losses], first.Steps, rest.FinalParameters);
        });

        Assert.That(result.Diagnosis.Kind, Is.EqualTo(DiagnosisKind.LateDivergence), Summary.Text(result));
        // PyTorch's momentum buffer starts as the first gradient, so the update at epoch 300 is plain SGD's;
        // epoch 301's differs, and the loss logged before epoch 302's update is the first to show it.
        Assert.That(result.Diagnosis.Epoch, Is.EqualTo(302));
    }

    [Test]
    public async Task Diagnose_HugeLearningRateOnALinearOutput_IsNonFiniteWithTheEpoch()
    {
        var result = await DiagnoseAsync("xor-selu-smooth-l1", (s, o, p) => Train(s, p, o with { LearningRate = 1e6, Loss = Loss.Sse }));

        Assert.That(result.Diagnosis.Kind, Is.EqualTo(DiagnosisKind.NonFinite), Summary.Text(result));
        Assert.That(result.Diagnosis.Side, Is.EqualTo("handRolled"));
        Assert.That(result.Diagnosis.Epoch, Is.EqualTo(result.HandRolled.FirstNonFiniteEpoch));
    }

    private static TrainingTrace Train(Scenario s, IReadOnlyList<NamedTensor> initial, TrainingOptions o) =>
        Trainer.Train(s.NetworkOf(s.HandRolled), o, initial, s.Data);

    private static async Task<ScenarioResult> DiagnoseAsync(
        string name, Func<Scenario, TrainingOptions, IReadOnlyList<NamedTensor>, TrainingTrace> train)
    {
        var scenario = Live.Harness.Load(name);
        return await Live.Harness.VerifyAsync(scenario, new CSharpTrainer(scenario, train), await Live.ReferenceSourceAsync());
    }

    /// <summary>A trainer written in C# beside its test: the engine with one thing changed.</summary>
    private sealed class CSharpTrainer(Scenario scenario, Func<Scenario, TrainingOptions, IReadOnlyList<NamedTensor>, TrainingTrace> train) : ITrainer
    {
        public Task<TrainingTrace> TrainAsync(
            NetworkSpec network, TrainingOptions options, Dataset data, IReadOnlyList<NamedTensor> initialParameters, CancellationToken cancellation = default) =>
            Task.FromResult(train(scenario, options, initialParameters));
    }
}
