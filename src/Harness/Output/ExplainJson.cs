using System.Text.Json.Nodes;
using Parity.Harness.Comparison;
using Parity.Harness.Explain;
using Parity.TorchReference.Protocol;

namespace Parity.Harness.Output;

/// <summary><c>parity explain --json</c>: the ablation as machine output, documented in docs/contracts.md.</summary>
public static class ExplainJson
{
    /// <summary>The explanation of a scenario.</summary>
    public static JsonObject Of(Explanation explanation)
    {
        var baseline = explanation.BaselineDistance;
        return new JsonObject
        {
            ["scenario"] = explanation.Scenario.Name,
            ["reference"] = VerdictJson.Reference(explanation.Reference),
            ["distance"] = CurveDistance.Definition,
            ["evaluation"] = explanation.Evaluation,
            ["baseline"] = Curve(baseline, explanation.Baseline),
            ["standIn"] = Curve(explanation.StandInDistance, explanation.StandIn),
            ["differences"] = new JsonArray([.. explanation.Differences.Select(d => new JsonObject
            {
                ["kind"] = d.Difference.Kind.Name(),
                ["description"] = d.Difference.Description,
                ["distance"] = JsonNumbers.Write(d.Alone.Distance),
                ["removedFraction"] = JsonNumbers.Write(d.RemovedFraction),
                ["share"] = JsonNumbers.Write(d.Share),
                ["lastRemovedFraction"] = JsonNumbers.Write(d.LastRemovedFraction),
                ["parity"] = d.Alone.Parity,
            })]),
            ["smallestParitySet"] = explanation.SmallestParitySet is { } set ? Kinds(set) : null,
            ["change"] = explanation.Change,
            ["confirmation"] = explanation.Confirmation is { } c
                ? new JsonObject { ["parity"] = c.Parity, ["distance"] = JsonNumbers.Write(c.Distance), ["reference"] = c.Reference }
                : null,
            ["combinations"] = new JsonArray([.. explanation.Combinations.Select(c => new JsonObject
            {
                ["kinds"] = Kinds(c),
                ["distance"] = JsonNumbers.Write(c.Distance),
                ["removedFraction"] = JsonNumbers.Write(CurveDistance.Removed(baseline, c.Distance)),
                ["parity"] = c.Parity,
                ["maxRelDiff"] = JsonNumbers.Write(c.Curve.MaxRelDiff),
            })]),
        };
    }

    private static JsonObject Curve(double distance, CurveComparison curve) => new()
    {
        ["distance"] = JsonNumbers.Write(distance),
        ["parity"] = curve.Verdict == Scenarios.Verdict.Parity,
        ["maxRelDiff"] = JsonNumbers.Write(curve.MaxRelDiff),
        ["rtol"] = curve.Tolerance.Rtol,
        ["atol"] = curve.Tolerance.Atol,
    };

    private static JsonArray Kinds(Combination combination) => new([.. combination.Kinds.Select(k => (JsonNode)k.Name())]);
}
