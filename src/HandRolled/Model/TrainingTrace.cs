namespace Parity.HandRolled.Model;

/// <summary>What one side's training produced, in the contract's layout.</summary>
/// <param name="Losses">The logged loss of every epoch: true MSE of the forward pass before its update.</param>
/// <param name="Steps">The first K updates in detail.</param>
/// <param name="FinalParameters">Parameters after the last epoch.</param>
public sealed record TrainingTrace(
    IReadOnlyList<double> Losses,
    IReadOnlyList<StepRecord> Steps,
    IReadOnlyList<NamedTensor> FinalParameters)
{
    /// <summary>The first epoch whose logged loss is NaN or infinite, or null.</summary>
    public int? FirstNonFiniteEpoch
    {
        get
        {
            for (var e = 0; e < Losses.Count; e++)
            {
                if (!double.IsFinite(Losses[e]))
                {
                    return e;
                }
            }

            return null;
        }
    }
}
