using System.Text.Json;

namespace Parity.Harness.Scenarios;

/// <summary>
/// A JSON object whose properties are all known: an unknown or repeated property is an error naming its path
/// (a typo must never be silently ignored), and a missing required one names the object and the property.
/// </summary>
internal sealed class ObjectCursor
{
    private readonly JsonCursor self;
    private readonly Dictionary<string, JsonCursor> properties = new(StringComparer.Ordinal);

    private ObjectCursor(JsonCursor self) => this.self = self;

    public string Path => self.Path;

    public static ObjectCursor Open(JsonCursor cursor, IReadOnlyCollection<string> allowed)
    {
        if (cursor.Element.ValueKind != JsonValueKind.Object)
        {
            throw cursor.Error($"expected an object, got {JsonCursor.Describe(cursor.Element)}");
        }

        var result = new ObjectCursor(cursor);
        foreach (var property in cursor.Element.EnumerateObject())
        {
            var child = cursor.Property(property.Name, property.Value);
            if (!allowed.Contains(property.Name))
            {
                var hint = NameSuggestions.Closest(property.Name, allowed, 1) is [var close] ? $"; did you mean \"{close}\"?" : ";";
                throw child.Error(
                    $"unknown property {JsonCursor.Quote(property.Name)}{hint} expected one of {string.Join(", ", allowed)}");
            }

            if (!result.properties.TryAdd(property.Name, child))
            {
                throw child.Error($"property {JsonCursor.Quote(property.Name)} appears twice");
            }
        }

        return result;
    }

    public JsonCursor Required(string name, string what) =>
        properties.TryGetValue(name, out var child)
            ? child
            : throw self.Error($"missing property \"{name}\": {what}");

    public JsonCursor? Optional(string name) => properties.TryGetValue(name, out var child) ? child : null;

    public bool Has(string name) => properties.ContainsKey(name);
}
