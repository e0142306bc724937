namespace Parity.HandRolled.Model;

/// <summary>
/// A learning-rate schedule: <c>torch.optim.lr_scheduler.StepLR(optimizer, step_size, gamma)</c>, stepped once after
/// each epoch, as a PyTorch loop calls <c>scheduler.step()</c>. Every <paramref name="StepSize"/> epochs the rate is
/// multiplied by <paramref name="Gamma"/>.
/// </summary>
/// <param name="StepSize">Epochs between two decays, ≥ 1.</param>
/// <param name="Gamma">The factor of each decay, &gt; 0.</param>
public sealed record Schedule(int StepSize, double Gamma)
{
    /// <summary>
    /// The learning rate of each of <paramref name="epochs"/> epochs, starting at <paramref name="learningRate"/>.
    /// StepLR's chained form, as PyTorch 1.13 and 2.x compute it: at each epoch e &gt; 0 with e mod StepSize = 0 the
    /// group's rate becomes rate·γ, a float64 product (not lr·γ^⌊e/StepSize⌋, which rounds differently).
    /// </summary>
    public double[] Rates(double learningRate, int epochs)
    {
        var rates = new double[epochs];
        var rate = learningRate;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            if (epoch > 0 && epoch % StepSize == 0)
            {
                rate *= Gamma;
            }

            rates[epoch] = rate;
        }

        return rates;
    }
}
