using NUnit.Framework;
using Parity.Harness.Diagnosis;
using Parity.Harness.Output;
using Parity.Harness.Scenarios;

namespace Parity.Tests.Diagnosis;

/// <summary>
/// Trainers written as the seed posts wrote theirs (numpy, tests/Parity/Diagnosis/Trainers), each with one bug,
/// verified through parity-trainer/1 against PyTorch: each must get the right diagnosis — kind, parameter, step.
/// </summary>
public sealed class NumpyTrainerDiagnosisTests
{
    private const string NoBias = "xor-seed-parity-f64";
    private const string WithBias = "xor-bias-parity";

    [TestCase(WithBias)]
    [TestCase(NoBias, Category = "Slow", Explicit = true, Reason = "the same diagnosis without bias; .ci/run runs it with --filter TestCategory=Slow")]
    public async Task Verify_CorrectSeedCode_IsParity(string scenario)
    {
        var result = await TestTrainers.VerifyAsync(scenario, TestTrainers.Numpy("correct"));

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Parity), Summary.Text(result));
        Assert.That(result.Diagnosis.Kind, Is.EqualTo(DiagnosisKind.None));
    }

    [TestCase(WithBias)]
    [TestCase(NoBias, Category = "Slow", Explicit = true, Reason = "the same diagnosis without bias; .ci/run runs it with --filter TestCategory=Slow")]
    public async Task Verify_HalfLearningRate_IsLearningRateScaleWithTheMatchingRate(string scenario)
    {
        var result = await TestTrainers.VerifyAsync(scenario, TestTrainers.Numpy("lr-half"));

        Assert.That(result.Diagnosis.Kind, Is.EqualTo(DiagnosisKind.LearningRateScale), Summary.Text(result));
        Assert.That(result.Diagnosis.Step, Is.Zero);
        Assert.That(result.Diagnosis.Factor, Is.EqualTo(2.0).Within(1e-9), "PyTorch's update is twice the trainer's");
        Assert.That(result.Diagnosis.Detail, Does.Contain("PyTorch lr 0.3 would match (now 0.6)"));
    }

    [Test]
    public async Task Verify_LogsSumInsteadOfMean_IsLossLogging()
    {
        var result = await TestTrainers.VerifyAsync(NoBias, TestTrainers.Numpy("logs-sse"));

        Assert.That(result.Diagnosis.Kind, Is.EqualTo(DiagnosisKind.LossLogging), Summary.Text(result));
        Assert.That(result.Diagnosis.Epoch, Is.Zero);
        Assert.That(result.Diagnosis.Factor, Is.EqualTo(4.0).Within(1e-12), "a sum over N·D = 4 elements logs 4 × the mean");
    }

    [TestCase(WithBias, "1.weight")]
    [TestCase(NoBias, "1.weight", Category = "Slow", Explicit = true, Reason = "the same diagnosis without bias; .ci/run runs it with --filter TestCategory=Slow")]
    public async Task Verify_WrongOutputDelta_IsGradientOfTheOutputLayer(string scenario, string parameter)
    {
        var result = await TestTrainers.VerifyAsync(scenario, TestTrainers.Numpy("output-delta"));

        Assert.That(result.Diagnosis.Kind, Is.EqualTo(DiagnosisKind.Gradient), Summary.Text(result));
        Assert.That(result.Diagnosis.Parameter, Is.EqualTo(parameter));
        Assert.That(result.Diagnosis.Step, Is.Zero);
    }

    [TestCase(WithBias, "0.weight")]
    [TestCase(NoBias, "0.weight", Category = "Slow", Explicit = true, Reason = "the same diagnosis without bias; .ci/run runs it with --filter TestCategory=Slow")]
    public async Task Verify_WrongHiddenDerivative_IsGradientOfTheHiddenLayer(string scenario, string parameter)
    {
        var result = await TestTrainers.VerifyAsync(scenario, TestTrainers.Numpy("hidden-derivative"));

        Assert.That(result.Diagnosis.Kind, Is.EqualTo(DiagnosisKind.Gradient), Summary.Text(result));
        Assert.That(result.Diagnosis.Parameter, Is.EqualTo(parameter), "the output layer's gradient is right; the hidden one is not");
        Assert.That(result.Diagnosis.Step, Is.Zero);
    }

    [Test]
    public async Task Verify_WrongForwardActivation_IsInitialForward()
    {
        var result = await TestTrainers.VerifyAsync(NoBias, TestTrainers.Numpy("forward-tanh"));

        Assert.That(result.Diagnosis.Kind, Is.EqualTo(DiagnosisKind.InitialForward), Summary.Text(result));
        Assert.That(result.Diagnosis.Step, Is.Zero);
        Assert.That(result.Curve.FirstMismatchEpoch, Is.Zero);
    }

    [Test]
    public async Task Verify_LearningRateChangesLater_IsLateDivergenceAtThatEpoch()
    {
        var result = await TestTrainers.VerifyAsync(NoBias, TestTrainers.Numpy("lr-decay"));

        Assert.That(result.Diagnosis.Kind, Is.EqualTo(DiagnosisKind.LateDivergence), Summary.Text(result));
        Assert.That(result.Diagnosis.Epoch, Is.EqualTo(201), "the first epoch whose loss follows the halved rate");
    }

    [Test]
    public async Task Verify_RunawayWeights_IsNonFiniteOnTheTrainersSide()
    {
        var result = await TestTrainers.VerifyAsync(NoBias, TestTrainers.Numpy("explode"));

        Assert.That(result.Diagnosis.Kind, Is.EqualTo(DiagnosisKind.NonFinite), Summary.Text(result));
        Assert.That(result.Diagnosis.Side, Is.EqualTo("handRolled"));
        Assert.That(result.Diagnosis.Epoch, Is.EqualTo(result.HandRolled.FirstNonFiniteEpoch));
        Assert.That(result.Diagnosis.Epoch, Is.GreaterThanOrEqualTo(50));
    }
}
