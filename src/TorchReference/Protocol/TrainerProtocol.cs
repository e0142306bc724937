using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parity.HandRolled;
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
            ["training"] = Training(options),
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
    /// <c>training</c>: epochs, learning rate, loss, batch, dtype, the optimizer (<c>training.optimizer</c>, and for SGD
    /// also today's <c>momentum</c> and <c>weightDecay</c>), the logged quantity and the learning-rate schedule, if any.
    /// </summary>
    private static JsonObject Training(TrainingOptions options)
    {
        var training = new JsonObject
        {
            ["epochs"] = options.Epochs,
            ["learningRate"] = JsonNumbers.Write(options.LearningRate),
            ["loss"] = options.Loss.Name(),
            ["batch"] = WriteBatch(options),
            ["dtype"] = options.DType.Name(),
        };
        WriteOptimizer(training, options.Optim);
        training["logged"] = options.Logged.Name();
        if (options.Schedule is { } schedule)
        {
            training["schedule"] = WriteSchedule(schedule);
        }

        return training;
    }

    /// <summary>How many updates a trainer makes: epochs × the batches of an epoch (<see cref="BatchOrder"/>).</summary>
    public static long Updates(TrainingOptions options, int samples) =>
        (long)options.Epochs * new BatchOrder(samples, options).NextEpoch().Count;

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

        var expectedSteps = (int)Math.Min(options.StepDetails, Updates(options, samples));
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

    /// <summary>
    /// Writes the response for a trace, streaming: <c>{"losses", "steps", "finalParameters"}</c>, every number printed
    /// round-trip as it goes, with no document built first.
    /// </summary>
    public static void WriteResponse(Utf8JsonWriter writer, TrainingTrace trace)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("losses");
        JsonNumbers.WriteAll(writer, trace.Losses);
        writer.WriteStartArray("steps");
        foreach (var s in trace.Steps)
        {
            writer.WriteStartObject();
            writer.WriteNumber("step", s.Step);
            writer.WritePropertyName("gradients");
            TensorCodec.Write(writer, s.Gradients);
            writer.WritePropertyName("parameters");
            TensorCodec.Write(writer, s.Parameters);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("finalParameters");
        TensorCodec.Write(writer, trace.FinalParameters);
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>The response a trainer writes for its trace, as UTF-8 JSON (<see cref="WriteResponse"/>).</summary>
    public static byte[] Response(TrainingTrace trace)
    {
        var buffer = new ArrayBufferWriter<byte>(ExpectedBytes(trace));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteResponse(writer, trace);
        }

        return buffer.WrittenSpan.ToArray();
    }

    // About 21 bytes a number (17 digits, a sign, a point, an exponent, a comma): room enough that the buffer rarely grows.
    private static int ExpectedBytes(TrainingTrace trace) =>
        (int)Math.Min(int.MaxValue / 2, 1024 + (24L * (trace.Losses.Count
            + trace.FinalParameters.Sum(t => (long)t.Values.Count) * (1 + (2 * trace.Steps.Count)))));

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
