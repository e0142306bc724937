using NUnit.Framework;
using Parity.Harness.Diagnosis;
using Parity.Harness.Output;
using Parity.Harness.Scenarios;

namespace Parity.Tests.Diagnosis;

/// <summary>
/// A numpy port of torch.optim with one known departure is diagnosed <c>optimizer</c>, the departure named and
/// confirmed against every recorded update; without one it reaches parity.
/// </summary>
public sealed class OptimizerDiagnosisTests
{
    [TestCase("xor-adam", "no-bias-correction", "without bias correction")]
    [TestCase("xor-adam", "eps-inside-sqrt", "with ε inside the square root")]
    [TestCase("xor-adam", "beta2-0.99", "with β2 = 0.99 where 0.999 was asked")]
    [TestCase("xor-adamw", "l2-instead-of-decoupled", "with Adam's L2 weight decay (λ·p added to the gradient) where AdamW's decoupled decay was asked")]
    public async Task Verify_AdamPortWithADeparture_IsOptimizerNamingIt(string scenario, string departure, string variant)
    {
        var result = await TestTrainers.VerifyAsync(scenario, TestTrainers.Optimizer(departure));

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnosis.Kind, Is.EqualTo(DiagnosisKind.Optimizer), Summary.Text(result));
            Assert.That(result.Diagnosis.Variant, Does.StartWith(variant));
            Assert.That(result.Diagnosis.Detail, Does.Contain("the hand-rolled gradients are right").And.Contain("which reproduces all 10 recorded updates"));
            Assert.That(result.Diagnosis.Parameter, Is.EqualTo("1.weight"), "the output layer's update is the first checked");
            Assert.That((string?)VerdictJson.Of(result)["diagnosis"]!["variant"], Is.EqualTo(result.Diagnosis.Variant));
        });
    }

    [TestCase("xor-adam")]
    [TestCase("xor-adamw")]
    [TestCase("xor-momentum")]
    public async Task Verify_PortWithoutADeparture_IsParity(string scenario)
    {
        var result = await TestTrainers.VerifyAsync(scenario, TestTrainers.Optimizer("correct"));

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Parity), Summary.Text(result));
    }

    [Test]
    public async Task Verify_SgdWithTheLearningRateInsideTheMomentumBuffer_IsParityBecauseItIsTheSameUpdate()
    {
        // b' = μb' + lr·g is lr × torch.optim's b at a constant learning rate: every update is the same, to rounding.
        var result = await TestTrainers.VerifyAsync("xor-momentum", TestTrainers.Optimizer("lr-inside-momentum"));

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Parity), Summary.Text(result));
    }

    [Test]
    public async Task Verify_SgdWithTheLearningRateInsideTheMomentumBufferUnderAStepSchedule_IsOptimizerAtTheFirstDecay()
    {
        // Once StepLR halves the rate (epoch 200, the 201st update), the buffer still holds steps taken at the old rate:
        // μ·b' + lr/2·g where torch.optim steps lr/2·(μb + g).
        var result = await TestTrainers.VerifyAsync("xor-momentum-step-lr", TestTrainers.Optimizer("lr-inside-momentum"));

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Mismatch), Summary.Text(result));
        Assert.That(result.Diagnosis.Kind, Is.EqualTo(DiagnosisKind.Optimizer), Summary.Text(result));
        Assert.That(result.Diagnosis.Step, Is.EqualTo(200), "the first update at the decayed rate");
        Assert.That(result.Diagnosis.Variant, Does.Contain("learning rate inside the momentum buffer"));
    }

    [Test]
    public async Task Verify_SgdPortUnderAStepSchedule_IsParity()
    {
        var result = await TestTrainers.VerifyAsync("xor-momentum-step-lr", TestTrainers.Optimizer("correct"));

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Parity), Summary.Text(result));
    }
}
