namespace Parity.Harness.Explain;

/// <summary>What aligning one difference does to the curve distance.</summary>
/// <param name="Difference">The difference.</param>
/// <param name="Alone">Only this difference aligned.</param>
/// <param name="RemovedFraction">The fraction of the baseline distance that aligning it alone removes (negative: adds).</param>
/// <param name="Share">
/// Its Shapley share: the distance its alignment removes, averaged over every order in which the differences could
/// be aligned one after another, as a fraction of the unaligned distance. Differences often matter only together
/// (aligning the learning rate does little while the sides start apart); the shares say how much each contributes
/// in combination, and they add up to the fraction all the alignments together remove.
/// </param>
/// <param name="LastRemovedFraction">
/// The fraction of the baseline distance it removes when aligned after all the others: what it is still needed for.
/// Aligning PyTorch's bias alone can move the curves further apart (PyTorch's own weights without their biases train
/// worse), yet with everything else aligned the bias is what is left between the curves.
/// </param>
public sealed record DifferenceImpact(Difference Difference, Combination Alone, double RemovedFraction, double Share, double LastRemovedFraction);
