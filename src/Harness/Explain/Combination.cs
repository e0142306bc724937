using Parity.Harness.Comparison;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Explain;

/// <summary>Some differences aligned at once, and how close PyTorch's side then trains to the hand-rolled one.</summary>
/// <param name="Kinds">The aligned differences, in <see cref="DifferenceKind"/> order; empty for the scenario as it is.</param>
/// <param name="Candidate">PyTorch's side with them aligned.</param>
/// <param name="Distance">The <see cref="CurveDistance"/> left to the hand-rolled curve.</param>
/// <param name="Curve">The epoch-by-epoch comparison under the scenario's tolerance.</param>
public sealed record Combination(IReadOnlyList<DifferenceKind> Kinds, Candidate Candidate, double Distance, CurveComparison Curve)
{
    /// <summary>Whether this combination restores parity.</summary>
    public bool Parity => Curve.Verdict == Verdict.Parity;

    /// <summary>The kinds joined for a person: <c>bias + init + learning-rate-scale</c>, or <c>nothing</c>.</summary>
    public string Label => Kinds.Count == 0 ? "nothing" : string.Join(" + ", Kinds.Select(k => k.Name()));
}
