using Parity.HandRolled;
using Parity.Harness.Comparison;
using Parity.Harness.Reference;
using Parity.Harness.Running;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Explain;

/// <summary>
/// Ablation of a scenario: finds the differences between its sides, aligns every set of them on PyTorch's side (all
/// 2^d, d ≤ 7), and measures how close each leaves PyTorch's curve to the hand-rolled one. PyTorch's aligned sides
/// are trained by the hand-rolled engine — proven identical to PyTorch to ~1e-15 in float64 — so 2^d runs of thousands
/// of epochs take seconds and need no Python; PyTorch's own initialisation still comes from the fixture or live
/// PyTorch, and with live PyTorch the smallest parity set is re-run there to confirm it.
/// </summary>
public sealed partial class Explainer(ParityHarness harness)
{
    /// <summary>Explains <paramref name="scenario"/>, PyTorch's real side from <paramref name="source"/> or the session's.</summary>
    public async Task<Explanation> ExplainAsync(Scenario scenario, ReferenceSource? source = null, CancellationToken cancellation = default)
    {
        var reference = await harness.ReferenceAsync(scenario, source ?? harness.Options.Reference, cancellation).ConfigureAwait(false);
        var hand = Trainer.Train(
            scenario.NetworkOf(scenario.HandRolled), scenario.HandRolled.ToOptions(scenario.Epochs, 0), reference.HandRolledInitial, scenario.Data);
        var baseline = CurveComparison.Compare(hand.Losses, reference.Torch.Losses, scenario.Tolerance);
        var baselineDistance = CurveDistance.Between(hand.Losses, reference.Torch.Losses);
        var differences = Differences.Between(scenario, reference.HandRolledInitial, reference.TorchInitial);

        var start = new Candidate(scenario, reference.TorchInitial);
        var standIn = Train(start);
        var fidelity = CurveComparison.Compare(standIn, reference.Torch.Losses, scenario.Tolerance);

        // One entry per subset of the differences, indexed by its bit mask; entry 0 is nothing aligned, in the stand-in.
        var byMask = new Combination[1 << differences.Count];
        byMask[0] = Measure([], start, hand.Losses, scenario);
        cancellation.ThrowIfCancellationRequested();
        Parallel.For(1, byMask.Length, new ParallelOptions { CancellationToken = cancellation }, mask =>
        {
            var chosen = differences.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            var aligned = chosen.OrderBy(d => d.Kind.ApplyOrder()).Aggregate(start, (c, d) => d.Align(c));
            byMask[mask] = Measure([.. chosen.Select(d => d.Kind)], aligned, hand.Losses, scenario);
        });

        var impacts = differences
            .Select((d, i) => new DifferenceImpact(
                d,
                byMask[1 << i],
                CurveDistance.Removed(baselineDistance, byMask[1 << i].Distance),
                Shapley(byMask, i, differences.Count),
                LastRemoved(byMask, i, baselineDistance)))
            .OrderBy(x => x.Alone.Distance).ThenByDescending(x => x.Share).ToList();
        var combinations = byMask.Skip(1).OrderBy(c => c.Kinds.Count).ThenBy(c => c.Distance).ToList();
        var smallest = baseline.Verdict == Verdict.Parity
            ? new Combination([], start, baselineDistance, baseline)
            : combinations.FirstOrDefault(c => c.Parity);

        var confirmation = smallest is { Kinds.Count: > 0 } && reference.Source != ReferenceSource.Fixtures
            ? await ConfirmAsync(reference.Source, smallest.Candidate, hand.Losses, cancellation).ConfigureAwait(false)
            : null;
        return new Explanation(
            scenario, reference, hand, baseline, baselineDistance, fidelity,
            CurveDistance.Between(standIn, reference.Torch.Losses), impacts, combinations, smallest, confirmation);
    }

    private static IReadOnlyList<double> Train(Candidate candidate) => Trainer.Train(
        candidate.TorchNetwork, candidate.Torch.ToOptions(candidate.Scenario.Epochs, 0), candidate.TorchInitial, candidate.Scenario.Data).Losses;

    private static Combination Measure(
        IReadOnlyList<DifferenceKind> kinds, Candidate candidate, IReadOnlyList<double> hand, Scenario scenario)
    {
        var torch = Train(candidate);
        return new Combination(kinds, candidate, CurveDistance.Between(hand, torch), CurveComparison.Compare(hand, torch, scenario.Tolerance));
    }

    private async Task<Confirmation> ConfirmAsync(ReferenceSource source, Candidate candidate, IReadOnlyList<double> hand, CancellationToken cancellation)
    {
        var run = await harness.TrainLiveAsync(
            source,
            candidate.TorchNetwork,
            candidate.Torch.ToOptions(candidate.Scenario.Epochs, 0),
            candidate.Scenario.Data,
            candidate.TorchInitial,
            cancellation).ConfigureAwait(false);
        return new Confirmation(
            CurveComparison.Compare(hand, run.Trace.Losses, candidate.Scenario.Tolerance),
            CurveDistance.Between(hand, run.Trace.Losses),
            Sources.Describe(run.Source, run.TorchVersion, run.PythonVersion));
    }
}
