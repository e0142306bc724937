using System.Globalization;
using System.Text.Json;

namespace Parity.Harness.Scenarios;

/// <summary>
/// A JSON value together with its path (<c>$.network.layers[0]</c>) and file, so every typed read can fail
/// with a message that says where and what was expected.
/// </summary>
internal readonly record struct JsonCursor(JsonElement Element, string Path, string File)
{
    public ScenarioException Error(string reason) => new(File, Path, reason);

    public JsonCursor Item(int index, JsonElement element) =>
        new(element, string.Create(CultureInfo.InvariantCulture, $"{Path}[{index}]"), File);

    public JsonCursor Property(string name, JsonElement element) => new(element, Path + Segment(name), File);

    public ObjectCursor Object(params string[] allowed) => ObjectCursor.Open(this, allowed);

    public IReadOnlyList<JsonCursor> Array(string what)
    {
        if (Element.ValueKind != JsonValueKind.Array)
        {
            throw Error($"expected {what} (an array), got {Describe(Element)}");
        }

        var items = new List<JsonCursor>(Element.GetArrayLength());
        var index = 0;
        foreach (var item in Element.EnumerateArray())
        {
            items.Add(Item(index++, item));
        }

        return items;
    }

    public string String(string what) =>
        Element.ValueKind == JsonValueKind.String
            ? Element.GetString()!
            : throw Error($"expected {what} (a string), got {Describe(Element)}");

    public bool Boolean(string what) =>
        Element.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? Element.GetBoolean()
            : throw Error($"expected {what} (true or false), got {Describe(Element)}");

    /// <summary>A finite double; JSON numbers too large for a double count as infinite.</summary>
    public double Double(string what)
    {
        if (Element.ValueKind != JsonValueKind.Number)
        {
            throw Error($"expected {what} (a finite number), got {Describe(Element)}");
        }

        return Element.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw Error($"expected {what} (a finite number), got {Element.GetRawText()}, which is not finite as a double");
    }

    public int Int32(string what)
    {
        if (Element.ValueKind != JsonValueKind.Number)
        {
            throw Error($"expected {what} (a whole number), got {Describe(Element)}");
        }

        return Element.TryGetInt32(out var value)
            ? value
            : throw Error($"expected {what} (a whole number within ±2147483647, written without a fraction or exponent), got {Element.GetRawText()}");
    }

    /// <summary>A name from <paramref name="names"/>, e.g. an activation.</summary>
    public T Name<T>(NameMap<T> names, string what)
        where T : struct, Enum
    {
        var name = String(what);
        return names.TryParse(name, out var member)
            ? member
            : throw Error($"unknown {what} {Quote(name)}; expected one of {names.Expected}");
    }

    /// <summary>The value for a message: <c>string "NaN"</c>, <c>null</c>, <c>an object</c>, <c>1e400</c>.</summary>
    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "string " + Quote(element.GetString()!),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => Truncate(element.GetRawText()),
    };

    public static string Quote(string text) => "\"" + Truncate(text) + "\"";

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary><c>.name</c> for identifier-like names, else <c>['a b']</c>.</summary>
    private static string Segment(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? "." + name
            : "['" + Truncate(name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)) + "']";
}
