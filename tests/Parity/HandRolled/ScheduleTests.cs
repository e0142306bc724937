using NUnit.Framework;
using Parity.HandRolled.Model;

namespace Parity.Tests.HandRolled;

public sealed class ScheduleTests
{
    [TestCase(3, 0.5, 10)]
    [TestCase(1, 0.9, 50)]
    [TestCase(7, 0.1, 7)]
    public void Rates_StepSchedule_ChainsOneProductPerDecayAsStepLRDoes(int stepSize, double gamma, int epochs)
    {
        var rates = new Schedule(stepSize, gamma).Rates(0.3, epochs);

        Assert.Multiple(() =>
        {
            Assert.That(rates, Has.Length.EqualTo(epochs));
            Assert.That(rates[0], Is.EqualTo(0.3));
            for (var e = 1; e < epochs; e++)
            {
                // StepLR multiplies the group's current lr (a Python float) at each multiple of step_size: bit for bit.
                Assert.That(rates[e], Is.EqualTo(e % stepSize == 0 ? rates[e - 1] * gamma : rates[e - 1]), $"epoch {e}");
            }
        });
    }

    [Test]
    public void LearningRates_WithoutSchedule_IsTheRateEveryEpoch() =>
        Assert.That(new TrainingOptions(4, 0.3, Loss.Mse).LearningRates(), Is.EqualTo(new[] { 0.3, 0.3, 0.3, 0.3 }));
}
