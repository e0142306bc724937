using System.Text.Json;
using Parity.HandRolled.Model;

namespace Parity.TorchReference.Protocol;

public static partial class TrainerProtocol
{
    /// <summary>What a trainer reads from a request.</summary>
    public sealed record TrainerRequest(
        NetworkSpec Network, TrainingOptions Options, Dataset Data, IReadOnlyList<NamedTensor> InitialParameters);

    /// <summary>Reads a request as a trainer does (the built-in <c>parity trainer</c>).</summary>
    public static TrainerRequest ReadRequest(JsonElement request)
    {
        var protocol = JsonNumbers.Property(request, "protocol", "$");
        if (protocol.ValueKind != JsonValueKind.String || protocol.GetString() != Name)
        {
            throw new ProtocolException($"$.protocol: expected \"{Name}\", found {JsonNumbers.Describe(protocol)}");
        }

        var net = JsonNumbers.Property(request, "network", "$");
        var layers = JsonNumbers.ReadAll(JsonNumbers.Property(net, "layers", "$.network"), "$.network.layers")
            .Select(w => (int)w).ToArray();
        var activations = Strings(JsonNumbers.Property(net, "activations", "$.network"), "$.network.activations")
            .Select((name, i) => WireNames.TryParse(name, out Activation a)
                ? a
                : throw new ProtocolException($"$.network.activations[{i}]: unknown activation \"{name}\""))
            .ToArray();
        var network = new NetworkSpec(layers, activations, JsonNumbers.Property(net, "bias", "$.network").GetBoolean());

        var training = JsonNumbers.Property(request, "training", "$");
        var loss = Parse<Loss>(training, "loss", WireNames.TryParse);
        var (batch, miniBatch) = ReadBatch(training);
        var dtype = Parse<DType>(training, "dtype", WireNames.TryParse);
        var record = request.TryGetProperty("record", out var r) && r.TryGetProperty("stepDetails", out var k) ? k.GetInt32() : 0;
        var options = new TrainingOptions(
            JsonNumbers.Property(training, "epochs", "$.training").GetInt32(),
            JsonNumbers.Read(JsonNumbers.Property(training, "learningRate", "$.training"), "$.training.learningRate"),
            loss,
            dtype,
            batch,
            ReadOptimizer(training),
            record,
            miniBatch,
            ReadLogged(training),
            ReadSchedule(training));

        var data = JsonNumbers.Property(request, "data", "$");
        var dataset = new Dataset(Matrix(data, "inputs"), Matrix(data, "targets"));
        var initial = TensorCodec.Read(JsonNumbers.Property(request, "initialParameters", "$"), network, "$.initialParameters");
        return new TrainerRequest(network, options, dataset, initial);
    }

    private delegate bool TryParser<T>(string name, out T value);

    private static T Parse<T>(JsonElement training, string property, TryParser<T> parse)
    {
        var element = JsonNumbers.Property(training, property, "$.training");
        return element.ValueKind == JsonValueKind.String && parse(element.GetString()!, out var value)
            ? value
            : throw new ProtocolException($"$.training.{property}: unknown {property} {JsonNumbers.Describe(element)}");
    }

    private static string[] Strings(JsonElement array, string path)
    {
        JsonNumbers.Expect(array, JsonValueKind.Array, path, "an array of names");
        return [.. array.EnumerateArray().Select(e => e.GetString() ?? "")];
    }

    private static IReadOnlyList<IReadOnlyList<double>> Matrix(JsonElement data, string property)
    {
        var path = $"$.data.{property}";
        var rows = JsonNumbers.Property(data, property, "$.data");
        JsonNumbers.Expect(rows, JsonValueKind.Array, path, "an array of rows");
        return [.. rows.EnumerateArray().Select((row, i) => (IReadOnlyList<double>)JsonNumbers.ReadAll(row, $"{path}[{i}]"))];
    }
}
