namespace Parity.Harness.Scenarios;

/// <summary>
/// A scenario file that cannot be used, and exactly where and why:
/// <c>fixtures/scenarios/x.json: $.network.activations[1]: unknown activation "sigmod"; expected one of …</c>,
/// or for malformed JSON <c>x.json: line 3, column 14: …</c>.
/// </summary>
public sealed class ScenarioException : Exception
{
    /// <summary>An error at a place in the document (<paramref name="jsonPath"/>), or about the whole file when null.</summary>
    public ScenarioException(string file, string? jsonPath, string reason, Exception? innerException = null)
        : base(Format(file, jsonPath is null ? null : jsonPath + ": ", reason), innerException)
    {
        File = file;
        JsonPath = jsonPath;
        Reason = reason;
    }

    /// <summary>An error in the JSON text itself, at a 1-based line and column (in characters).</summary>
    public ScenarioException(string file, int line, int column, string reason, Exception? innerException = null)
        : base(Format(file, $"line {line}, column {column}: ", reason), innerException)
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The file as the caller named it (or the name that was looked up).</summary>
    public string File { get; }

    /// <summary>Where in the document, as <c>$.network.activations[1]</c>; null for file-level and syntax errors.</summary>
    public string? JsonPath { get; }

    /// <summary>1-based line of a syntax error; null otherwise.</summary>
    public int? Line { get; }

    /// <summary>1-based column (in characters) of a syntax error; null otherwise.</summary>
    public int? Column { get; }

    /// <summary>What was wrong and what was expected, without the file and place.</summary>
    public string Reason { get; }

    private static string Format(string file, string? place, string reason) => $"{file}: {place}{reason}";
}
