using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parity.TorchReference.Protocol;

/// <summary>
/// Numbers across process boundaries: JSON numbers printed round-trip (shortest "R" form) so seeding is
/// bit-identical; NaN and infinities, which JSON lacks, as the strings "NaN", "Infinity", "-Infinity".
/// </summary>
internal static class JsonNumbers
{
    public static JsonNode Write(double value) =>
        !double.IsFinite(value) ? JsonValue.Create(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity")
        : RoundTrip.RuntimeFormatRoundTrips(value) ? JsonValue.Create(value)
        : JsonNode.Parse(RoundTrip.Format(value))!; // System.Text.Json would print the runtime's short form

    public static JsonArray WriteAll(IEnumerable<double> values) => new([.. values.Select(Write)]);

    public static double Read(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value))
        {
            return value;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            switch (element.GetString())
            {
                case "NaN": return double.NaN;
                case "Infinity": return double.PositiveInfinity;
                case "-Infinity": return double.NegativeInfinity;
            }
        }

        throw new ProtocolException($"{path}: expected a number (or \"NaN\", \"Infinity\", \"-Infinity\"), found {Describe(element)}");
    }

    public static double[] ReadAll(JsonElement array, string path)
    {
        Expect(array, JsonValueKind.Array, path, "an array of numbers");
        var values = new double[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            values[i] = Read(item, $"{path}[{i}]");
            i++;
        }

        return values;
    }

    public static void Expect(JsonElement element, JsonValueKind kind, string path, string what)
    {
        if (element.ValueKind != kind)
        {
            throw new ProtocolException($"{path}: expected {what}, found {Describe(element)}");
        }
    }

    public static JsonElement Property(JsonElement obj, string name, string path)
    {
        Expect(obj, JsonValueKind.Object, path, "an object");
        return obj.TryGetProperty(name, out var value)
            ? value
            : throw new ProtocolException($"{path}: missing \"{name}\"");
    }

    public static string Describe(JsonElement element)
    {
        var text = element.GetRawText();
        text = text.Length > 60 ? text[..60] + "…" : text;
        return string.Create(CultureInfo.InvariantCulture, $"{element.ValueKind.ToString().ToLowerInvariant()} {text}");
    }
}
