using System.Text.Json;
using System.Text.Json.Nodes;
using Parity.Harness.Running;
using Parity.Harness.Scenarios;
using Parity.TorchReference.Protocol;

namespace Parity.Harness.Output;

/// <summary>The verdict contract (<c>--json</c> on <c>run</c> and <c>verify</c>), documented in docs/contracts.md.</summary>
public static class VerdictJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The verdict of a comparison.</summary>
    public static JsonObject Of(ScenarioResult result)
    {
        var d = result.Diagnosis;
        return new JsonObject
        {
            ["scenario"] = result.Scenario.Name,
            ["verdict"] = Names.Verdict.Of(result.Verdict),
            ["reference"] = new JsonObject
            {
                ["source"] = result.Reference.Source.ToString().ToLowerInvariant(),
                ["torch"] = result.Reference.TorchVersion,
                ["python"] = result.Reference.PythonVersion,
            },
            ["curve"] = new JsonObject
            {
                ["epochs"] = result.Curve.Epochs,
                ["rtol"] = result.Curve.Tolerance.Rtol,
                ["atol"] = result.Curve.Tolerance.Atol,
                ["maxAbsDiff"] = JsonNumbers.Write(result.Curve.MaxAbsDiff),
                ["maxRelDiff"] = JsonNumbers.Write(result.Curve.MaxRelDiff),
                ["worstEpoch"] = result.Curve.WorstEpoch,
                ["firstMismatchEpoch"] = result.Curve.FirstMismatchEpoch,
                ["mismatchedEpochs"] = result.Curve.MismatchedCount,
            },
            ["diagnosis"] = new JsonObject
            {
                ["kind"] = d.KindName,
                ["step"] = d.Step,
                ["epoch"] = d.Epoch,
                ["parameter"] = d.Parameter,
                ["element"] = d.Element,
                ["factor"] = d.Factor is { } f ? JsonNumbers.Write(f) : null,
                ["side"] = d.Side,
                ["detail"] = d.Detail,
            },
        };
    }

    /// <summary>The verdict of an input or run error: <c>{"scenario", "verdict": "error", "error"}</c>.</summary>
    public static JsonObject Error(string? scenario, string message) => new()
    {
        ["scenario"] = scenario,
        ["verdict"] = Names.Verdict.Of(Verdict.Error),
        ["error"] = message,
    };

    /// <summary>Indented JSON text.</summary>
    public static string Text(JsonNode node) => node.ToJsonString(Indented);
}
