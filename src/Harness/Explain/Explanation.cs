using System.Globalization;
using Parity.HandRolled.Model;
using Parity.Harness.Comparison;
using Parity.Harness.Reference;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Explain;

/// <summary>Why a scenario's two sides part: each difference, what aligning it removes, and the smallest set that restores parity.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Reference">PyTorch's real side (live or fixtures).</param>
/// <param name="HandRolled">The hand-rolled side's trace: the curve every PyTorch side is measured against.</param>
/// <param name="Baseline">The scenario as it is, against the real reference, as <c>parity run</c> compares it.</param>
/// <param name="BaselineDistance">Its <see cref="CurveDistance"/>.</param>
/// <param name="StandIn">
/// The stand-in with nothing aligned against the real reference: PyTorch's sides with differences aligned are trained
/// by the hand-rolled engine, proven identical to PyTorch, and this says how faithfully it stands in here.
/// </param>
/// <param name="StandInDistance">The <see cref="CurveDistance"/> between the stand-in with nothing aligned and the real reference.</param>
/// <param name="Differences">Every difference, ranked by how much of the distance aligning it alone removes.</param>
/// <param name="Combinations">Every non-empty set of differences aligned together, fewest first.</param>
/// <param name="SmallestParitySet">The fewest differences whose alignment restores parity (ties: the closer curve); no kinds
/// when the scenario is at parity already; null when no set does.</param>
/// <param name="Confirmation">That set re-run in live PyTorch, when live PyTorch is the reference.</param>
public sealed record Explanation(
    Scenario Scenario,
    ReferenceRun Reference,
    TrainingTrace HandRolled,
    CurveComparison Baseline,
    double BaselineDistance,
    CurveComparison StandIn,
    double StandInDistance,
    IReadOnlyList<DifferenceImpact> Differences,
    IReadOnlyList<Combination> Combinations,
    Combination? SmallestParitySet,
    Confirmation? Confirmation)
{
    /// <summary>What PyTorch's side looks like once the smallest parity set is aligned: "PyTorch lr 0.6; …".</summary>
    public string? Change => SmallestParitySet is { Kinds.Count: > 0 } set
        ? string.Join("; ", set.Kinds.Select(k => Differences.Single(d => d.Difference.Kind == k).Difference.Setting(set.Candidate)))
        : null;

    /// <summary>How the distances of aligned sides were measured.</summary>
    public string Evaluation => Confirmation is { } c
        ? $"evaluated with the verified hand-rolled engine as PyTorch's stand-in; the smallest set {(c.Parity ? "confirmed" : "NOT confirmed")} with {c.Reference} (distance {c.Distance.ToString("G3", CultureInfo.InvariantCulture)}, max rel {c.Curve.MaxRelDiff.ToString("G3", CultureInfo.InvariantCulture)})"
        : "evaluated with the verified hand-rolled engine as PyTorch's stand-in";
}
