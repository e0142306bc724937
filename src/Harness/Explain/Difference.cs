namespace Parity.Harness.Explain;

/// <summary>
/// One named difference between the two sides of a scenario, and how to remove it. Aligning always moves the
/// PyTorch side towards the hand-rolled one, as the seed answer did (bias off, the numpy weights copied in,
/// PyTorch's learning rate doubled): the hand-rolled side is the one whose curve is being explained.
/// </summary>
/// <param name="Kind">What differs.</param>
/// <param name="Description">One sentence for a person: "PyTorch has bias, the hand-rolled side has none".</param>
/// <param name="Align">Returns the candidate with PyTorch's side changed to match the hand-rolled side in this respect.</param>
/// <param name="Setting">What PyTorch's side looks like in this respect once aligned, e.g. "PyTorch lr 0.6".</param>
public sealed record Difference(
    DifferenceKind Kind, string Description, Func<Candidate, Candidate> Align, Func<Candidate, string> Setting);
