using Parity.Harness.Scenarios;
using Parity.TorchReference;
using Parity.TorchReference.TorchSharp;

namespace Parity.Harness.Fixtures;

/// <summary>
/// Reading <c>meta.json</c> as strictly as a scenario file: malformed JSON by line and column, every property required,
/// typed and known, each error at its JSON path.
/// </summary>
public sealed partial class FixtureStore
{
    private static readonly string[] MetaProperties =
        ["scenario", "scenarioHash", "source", "torch", "python", "dType", "epochs", "stepDetails", "generator"];

    private static FixtureMeta ReadMeta(string path, string scenario)
    {
        var display = Paths.Display(path);
        var regenerate = $"{RegenerateCommand} {scenario}";
        if (!File.Exists(path))
        {
            throw new FixtureException($"{display}: missing; make the fixture with {regenerate}");
        }

        try
        {
            using var document = ScenarioLoader.Document(ScenarioLoader.ReadBounded(path), display);
            var meta = new JsonCursor(document.RootElement, "$", display).Object(MetaProperties);
            var madeFor = meta.Required("scenario", "the scenario's name");
            if (madeFor.String("the scenario's name") is var other && other != scenario)
            {
                throw new FixtureException($"{display}: {madeFor.Path}: made for scenario {other}, not {scenario}; regenerate it: {regenerate}");
            }

            return new FixtureMeta(
                scenario,
                Text(meta, "scenarioHash", "the SHA-256 of the scenario file"),
                Producer(meta),
                Text(meta, "torch", "the PyTorch version"),
                Text(meta, "python", "the Python version"),
                Text(meta, "dType", "PyTorch's dtype"),
                Count(meta, "epochs", "the epochs trained"),
                Count(meta, "stepDetails", "the number of updates recorded in detail"),
                Text(meta, "generator", "the command that made the fixture"));
        }
        catch (ScenarioException error)
        {
            var place = error.JsonPath is { } jsonPath ? jsonPath + ": " : error.Line is { } line ? $"line {line}, column {error.Column}: " : "";
            throw new FixtureException($"{display}: {place}{error.Reason}; regenerate it: {regenerate}");
        }
    }

    private static string Text(ObjectCursor meta, string name, string what) => meta.Required(name, what).String(what);

    private static string Producer(ObjectCursor meta)
    {
        const string What = "the live reference that made the fixture";
        var cursor = meta.Required("source", What);
        var source = cursor.String(What);
        return source is TorchSharpReference.SourceName or TorchReferenceClient.SourceName
            ? source
            : throw cursor.Error($"unknown source {JsonCursor.Quote(source)}; expected {TorchSharpReference.SourceName} or {TorchReferenceClient.SourceName}");
    }

    private static int Count(ObjectCursor meta, string name, string what)
    {
        var cursor = meta.Required(name, what);
        var count = cursor.Int32(what);
        return count >= 0 ? count : throw cursor.Error($"{what} is {count}; expected 0 or more");
    }
}
