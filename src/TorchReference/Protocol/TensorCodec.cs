using System.Text.Json;
using System.Text.Json.Nodes;
using Parity.HandRolled.Model;

namespace Parity.TorchReference.Protocol;

/// <summary>Parameter lists in the contract's layout: <c>[{"name", "shape", "values"}, …]</c>.</summary>
public static class TensorCodec
{
    /// <summary>The JSON form of a parameter list.</summary>
    public static JsonArray Write(IEnumerable<NamedTensor> tensors) =>
        new([.. tensors.Select(t => (JsonNode)new JsonObject
        {
            ["name"] = t.Name,
            ["shape"] = new JsonArray([.. t.Shape.Select(d => (JsonNode)JsonValue.Create(d))]),
            ["values"] = JsonNumbers.WriteAll(t.Values),
        })]);

    /// <summary>Writes a parameter list, streaming: the same JSON as <see cref="Write(IEnumerable{NamedTensor})"/>.</summary>
    public static void Write(Utf8JsonWriter writer, IEnumerable<NamedTensor> tensors)
    {
        writer.WriteStartArray();
        foreach (var t in tensors)
        {
            writer.WriteStartObject();
            writer.WriteString("name", t.Name);
            writer.WriteStartArray("shape");
            foreach (var d in t.Shape)
            {
                writer.WriteNumberValue(d);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("values");
            JsonNumbers.WriteAll(writer, t.Values);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// Reads a parameter list and checks it against the network: the names and shapes of
    /// <see cref="NetworkSpec.ParameterShapes"/>, in any order, each once, values finite or not.
    /// </summary>
    public static IReadOnlyList<NamedTensor> Read(JsonElement array, NetworkSpec network, string path)
    {
        JsonNumbers.Expect(array, JsonValueKind.Array, path, "an array of parameters {\"name\", \"shape\", \"values\"}");
        var expected = network.ParameterShapes().ToDictionary(p => p.Name, p => p.Shape);
        var found = new Dictionary<string, NamedTensor>();
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = $"{path}[{i++}]";
            var nameElement = JsonNumbers.Property(item, "name", at);
            JsonNumbers.Expect(nameElement, JsonValueKind.String, $"{at}.name", "a parameter name");
            var name = nameElement.GetString()!;
            if (!expected.TryGetValue(name, out var shape))
            {
                throw new ProtocolException(
                    $"{at}.name: unexpected parameter \"{name}\"; expected {string.Join(", ", expected.Keys)}");
            }

            if (found.ContainsKey(name))
            {
                throw new ProtocolException($"{at}.name: parameter \"{name}\" appears twice");
            }

            var shapeElement = JsonNumbers.Property(item, "shape", at);
            var givenShape = Dimensions(shapeElement, $"{at}.shape");
            if (!givenShape.SequenceEqual(shape))
            {
                throw new ProtocolException(
                    $"{at}.shape: {name} has shape ({string.Join(", ", givenShape)}), expected ({string.Join(", ", shape)}) "
                    + "in PyTorch layout (out, in)");
            }

            var values = JsonNumbers.ReadAll(JsonNumbers.Property(item, "values", at), $"{at}.values");
            var count = shape.Aggregate(1, (a, b) => a * b);
            if (values.Length != count)
            {
                throw new ProtocolException($"{at}.values: {name} has {values.Length} values, expected {count}");
            }

            found[name] = new NamedTensor(name, shape, values);
        }

        var missing = expected.Keys.Where(n => !found.ContainsKey(n)).ToList();
        return missing.Count > 0
            ? throw new ProtocolException($"{path}: missing parameter(s) {string.Join(", ", missing)}")
            : [.. expected.Keys.Select(n => found[n])];
    }

    // A NaN, a fraction or a negative number is no dimension: an error, not a shape that happens to mismatch.
    private static int[] Dimensions(JsonElement array, string path)
    {
        JsonNumbers.Expect(array, JsonValueKind.Array, path, "an array of whole numbers");
        return [.. array.EnumerateArray().Select((dimension, i) =>
            dimension.ValueKind == JsonValueKind.Number && dimension.TryGetDouble(out var d) && d >= 0 && d <= int.MaxValue && d == Math.Floor(d)
                ? (int)d
                : throw new ProtocolException($"{path}[{i}]: expected a whole number ≥ 0, found {JsonNumbers.Describe(dimension)}"))];
    }
}
