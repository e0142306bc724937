using System.Text.Json;
using System.Text.Json.Nodes;
using Parity.HandRolled.Model;

namespace Parity.TorchReference.Protocol;

/// <summary>
/// <c>parity-trainer/1</c>: one JSON request on a trainer's stdin, one JSON response on its stdout
/// (docs/contracts.md). The PyTorch worker speaks a superset of it.
/// </summary>
public static partial class TrainerProtocol
{
    /// <summary>The protocol's name, carried in every request.</summary>
    public const string Name = "parity-trainer/1";

    /// <summary>The request a trainer reads; every number printed round-trip (<see cref="JsonNumbers"/>).</summary>
    public static JsonObject Request(
        NetworkSpec network, TrainingOptions options, Dataset data, IReadOnlyList<NamedTensor>? initialParameters)
    {
        var request = new JsonObject
        {
            ["protocol"] = Name,
            ["network"] = new JsonObject
            {
                ["layers"] = new JsonArray([.. network.Layers.Select(w => (JsonNode)JsonValue.Create(w))]),
                ["activations"] = new JsonArray([.. network.Activations.Select(a => (JsonNode)JsonValue.Create(a.Name()))]),
                ["bias"] = network.Bias,
            },
            ["training"] = new JsonObject
            {
                ["epochs"] = options.Epochs,
                ["learningRate"] = JsonNumbers.Write(options.LearningRate),
                ["loss"] = options.Loss.Name(),
                ["batch"] = options.Batch.Name(),
                ["dtype"] = options.DType.Name(),
                ["momentum"] = JsonNumbers.Write(options.Optim.Momentum),
                ["weightDecay"] = JsonNumbers.Write(options.Optim.WeightDecay),
            },
            ["data"] = new JsonObject
            {
                ["inputs"] = Rows(data.Inputs),
                ["targets"] = Rows(data.Targets),
            },
            ["record"] = new JsonObject { ["stepDetails"] = options.StepDetails },
        };
        if (initialParameters is not null)
        {
            request["initialParameters"] = TensorCodec.Write(initialParameters);
        }

        return request;
    }

    /// <summary>
    /// Reads a trainer's response and checks it: one loss per epoch, min(K, updates) steps of gradients and
    /// parameters, final parameters, every parameter named and shaped as the network's.
    /// </summary>
    public static TrainingTrace ReadResponse(JsonElement response, NetworkSpec network, TrainingOptions options, int samples)
    {
        JsonNumbers.Expect(response, JsonValueKind.Object, "$", "a JSON object");
        var losses = JsonNumbers.ReadAll(JsonNumbers.Property(response, "losses", "$"), "$.losses");
        if (losses.Length != options.Epochs)
        {
            throw new ProtocolException(
                $"$.losses: {losses.Length} losses, expected one per epoch ({options.Epochs})");
        }

        var updates = options.Batch == BatchMode.Full ? options.Epochs : (long)options.Epochs * samples;
        var expectedSteps = (int)Math.Min(options.StepDetails, updates);
        var steps = new List<StepRecord>();
        if (expectedSteps > 0 || response.TryGetProperty("steps", out _))
        {
            var stepsElement = JsonNumbers.Property(response, "steps", "$");
            JsonNumbers.Expect(stepsElement, JsonValueKind.Array, "$.steps", "an array of steps");
            var count = stepsElement.GetArrayLength();
            if (count != expectedSteps)
            {
                throw new ProtocolException(
                    $"$.steps: {count} steps, expected {expectedSteps}: the first updates, up to record.stepDetails ({options.StepDetails})");
            }

            foreach (var step in stepsElement.EnumerateArray())
            {
                var at = $"$.steps[{steps.Count}]";
                CheckStepNumber(step, steps.Count, at);
                steps.Add(new StepRecord(
                    steps.Count,
                    TensorCodec.Read(JsonNumbers.Property(step, "gradients", at), network, $"{at}.gradients"),
                    TensorCodec.Read(JsonNumbers.Property(step, "parameters", at), network, $"{at}.parameters")));
            }
        }

        var final = TensorCodec.Read(JsonNumbers.Property(response, "finalParameters", "$"), network, "$.finalParameters");
        return new TrainingTrace(losses, steps, final);
    }

    /// <summary>The response a trainer writes for its trace.</summary>
    public static JsonObject Response(TrainingTrace trace) => new()
    {
        ["losses"] = JsonNumbers.WriteAll(trace.Losses),
        ["steps"] = new JsonArray([.. trace.Steps.Select(s => (JsonNode)new JsonObject
        {
            ["step"] = s.Step,
            ["gradients"] = TensorCodec.Write(s.Gradients),
            ["parameters"] = TensorCodec.Write(s.Parameters),
        })]),
        ["finalParameters"] = TensorCodec.Write(trace.FinalParameters),
    };

    // "step" is optional; when given, it must be the step's place in the list.
    private static void CheckStepNumber(JsonElement step, int index, string at)
    {
        JsonNumbers.Expect(step, JsonValueKind.Object, at, "a step {\"step\", \"gradients\", \"parameters\"}");
        if (step.TryGetProperty("step", out var number)
            && !(number.ValueKind == JsonValueKind.Number && number.TryGetDouble(out var value) && value == index))
        {
            throw new ProtocolException($"{at}.step: expected {index} (steps in update order, from 0), found {JsonNumbers.Describe(number)}");
        }
    }

    private static JsonArray Rows(IReadOnlyList<IReadOnlyList<double>> rows) =>
        new([.. rows.Select(r => (JsonNode)JsonNumbers.WriteAll(r))]);
}
