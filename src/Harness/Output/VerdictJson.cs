using System.Text.Json;
using System.Text.Json.Nodes;
using Parity.Harness.Reference;
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
            ["reference"] = Reference(result.Reference),
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
                ["variant"] = d.Variant,
                ["detail"] = d.Detail,
            },
        };
    }

    /// <summary>
    /// Where PyTorch's side came from: <c>source</c> (torchsharp, pytorch or fixtures), <c>producer</c> (the live reference
    /// that computed the numbers), <c>version</c> (who, for people), <c>torch</c> and <c>python</c> (null for TorchSharp),
    /// and <c>note</c>: why this source, when another was asked for.
    /// </summary>
    public static JsonObject Reference(ReferenceRun reference) => new()
    {
        ["source"] = reference.SourceName,
        ["producer"] = reference.Producer,
        ["version"] = reference.Description,
        ["torch"] = reference.TorchVersion,
        ["python"] = reference.PythonVersion.Length > 0 ? reference.PythonVersion : null,
        ["note"] = reference.Note,
    };

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
