using System.Globalization;
using System.Runtime.InteropServices;
using csFastFloat;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parity.TorchReference.Protocol;

/// <summary>
/// Numbers across process boundaries: JSON numbers printed round-trip (shortest "R" form, <see cref="RoundTrip"/>) so
/// seeding is bit-identical; NaN and infinities, which JSON lacks, as the strings "NaN", "Infinity", "-Infinity".
/// </summary>
internal static class JsonNumbers
{
    // Arrays longer than this are written and read in chunks of this many numbers, on several threads.
    private const int ChunkSize = 16_384;

    private const int MaxJsonLength = RoundTrip.MaxLength;

    public static JsonNode Write(double value) =>
        !double.IsFinite(value) ? JsonValue.Create(NonFinite(value))
        : RoundTrip.RuntimeFormatRoundTrips(value) ? JsonValue.Create(value)
        : JsonNode.Parse(RoundTrip.Format(value))!; // System.Text.Json would print the runtime's short form

    public static JsonArray WriteAll(IEnumerable<double> values) => new([.. values.Select(Write)]);

    /// <summary>Writes one number, streaming: the same text as <see cref="Write(double)"/>.</summary>
    public static void Write(Utf8JsonWriter writer, double value)
    {
        Span<byte> text = stackalloc byte[MaxJsonLength];
        writer.WriteRawValue(text[..FormatJson(value, text)], skipInputValidation: true);
    }

    /// <summary>
    /// Writes an array of numbers, streaming. A long array is formatted in chunks on several threads, then written as one
    /// raw value: the same text, at a multiple of one core's rate (printing a double round-trip takes most of the time).
    /// </summary>
    public static void WriteAll(Utf8JsonWriter writer, IReadOnlyList<double> values)
    {
        if (values.Count <= ChunkSize)
        {
            writer.WriteStartArray();
            for (var i = 0; i < values.Count; i++)
            {
                Write(writer, values[i]);
            }

            writer.WriteEndArray();
            return;
        }

        var chunks = new byte[(values.Count + ChunkSize - 1) / ChunkSize][];
        var lengths = new int[chunks.Length];
        Parallel.For(0, chunks.Length, c =>
        {
            var (start, end) = (c * ChunkSize, Math.Min(values.Count, (c + 1) * ChunkSize));
            var chunk = chunks[c] = new byte[(end - start) * (MaxJsonLength + 1)];
            var at = 0;
            for (var i = start; i < end; i++)
            {
                chunk[at++] = (byte)',';
                at += FormatJson(values[i], chunk.AsSpan(at));
            }

            lengths[c] = at;
        });

        var text = new byte[lengths.Sum() + 1]; // "[", the chunks (each number after a comma), "]"
        var end = 0;
        for (var c = 0; c < chunks.Length; c++)
        {
            chunks[c].AsSpan(0, lengths[c]).CopyTo(text.AsSpan(end));
            end += lengths[c];
        }

        text[0] = (byte)'[';
        text[end] = (byte)']';
        writer.WriteRawValue(text, skipInputValidation: true);
    }

    public static double Read(JsonElement element, string path) =>
        TryRead(element, out var value)
            ? value
            : throw new ProtocolException($"{path}: expected a number (or \"NaN\", \"Infinity\", \"-Infinity\"), found {Describe(element)}");

    /// <summary>
    /// Reads an array of numbers. A long array is converted in chunks on several threads (a <see cref="JsonDocument"/>
    /// may be read from any number of threads, and an array of numbers is indexed in constant time).
    /// </summary>
    public static double[] ReadAll(JsonElement array, string path)
    {
        Expect(array, JsonValueKind.Array, path, "an array of numbers");
        var values = new double[array.GetArrayLength()];
        if (values.Length <= ChunkSize)
        {
            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                ReadAt(item, values, i++, path);
            }

            return values;
        }

        var firstWrong = values.Length;
        Parallel.For(0, (values.Length + ChunkSize - 1) / ChunkSize, c =>
        {
            for (var i = c * ChunkSize; i < Math.Min(values.Length, (c + 1) * ChunkSize); i++)
            {
                if (!TryRead(array[i], out values[i]))
                {
                    InterlockedMin(ref firstWrong, i);
                    return;
                }
            }
        });
        if (firstWrong < values.Length)
        {
            ReadAt(array[firstWrong], values, firstWrong, path); // throws, naming the first element that is no number
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

    // The path is only built for an error: a string per number would cost more than reading it.
    private static void ReadAt(JsonElement item, double[] values, int i, string path)
    {
        if (!TryRead(item, out values[i]))
        {
            Read(item, $"{path}[{i}]");
        }
    }

    private static void InterlockedMin(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value < seen && Interlocked.CompareExchange(ref target, value, seen) is var found && found != seen)
        {
            seen = found;
        }
    }

    // A number's JSON text, round-trip, or a non-finite value's string, quoted: at most MaxJsonLength bytes.
    private static int FormatJson(double value, Span<byte> destination)
    {
        if (double.IsFinite(value))
        {
            return RoundTrip.FormatUtf8(value, destination);
        }

        var text = double.IsNaN(value) ? "\"NaN\""u8 : value > 0 ? "\"Infinity\""u8 : "\"-Infinity\""u8;
        text.CopyTo(destination);
        return text.Length;
    }

    private static string NonFinite(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";

    private static bool TryRead(JsonElement element, out double value)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            // fast_float's correctly rounded reading, several times the runtime's speed; beyond double's range is no
            // number here, as for JsonElement.TryGetDouble.
            var text = JsonMarshal.GetRawUtf8Value(element);
            return FastDoubleParser.TryParseDouble(text, out var read, out value) && read == text.Length && double.IsFinite(value);
        }

        value = element.ValueKind != JsonValueKind.String ? 0
            : element.ValueEquals("NaN") ? double.NaN
            : element.ValueEquals("Infinity") ? double.PositiveInfinity
            : element.ValueEquals("-Infinity") ? double.NegativeInfinity
            : 0;
        return element.ValueKind == JsonValueKind.String && (double.IsNaN(value) || double.IsInfinity(value));
    }
}
