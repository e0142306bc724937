using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Parity.Harness.Scenarios;

/// <summary>The bytes and the JSON syntax: bounded reading, depth, line and column of malformed text.</summary>
public static partial class ScenarioLoader
{
    private static byte[] ReadBounded(string path)
    {
        if (Directory.Exists(path))
        {
            throw new ScenarioException(path, null, "is a directory, not a scenario file");
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ScenarioException(path, null, "no such file", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScenarioException(path, null, "cannot be read: " + e.Message, e);
        }

        using (stream)
        {
            // The length is checked before a single byte is read; the bounded copy also stops a file that grows.
            if (stream.CanSeek && stream.Length > MaxFileBytes)
            {
                throw TooLarge(path, stream.Length);
            }

            using var bytes = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (bytes.Length + read > MaxFileBytes)
                {
                    throw TooLarge(path, bytes.Length + read);
                }

                bytes.Write(buffer, 0, read);
            }

            return bytes.ToArray();
        }
    }

    private static ScenarioException TooLarge(string file, long bytes) =>
        new(
            file,
            null,
            string.Create(
                CultureInfo.InvariantCulture,
                $"is {bytes / (1024.0 * 1024.0):0.0} MiB; scenario files are limited to {MaxFileBytes / (1024 * 1024)} MiB"));

    /// <summary>
    /// Scans the whole text once with a forward-only reader: malformed JSON fails with its 1-based line and column,
    /// nesting deeper than <see cref="MaxDepth"/> fails before any document is built, without recursion.
    /// </summary>
    private static void CheckSyntax(ReadOnlySpan<byte> json, string file)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                // CurrentDepth of a start token counts the containers around it: this one would be one deeper.
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxDepth)
                {
                    var (line, column) = Position(json, (int)reader.TokenStartIndex);
                    throw new ScenarioException(
                        file,
                        line,
                        column,
                        $"JSON nested deeper than {MaxDepth} levels; a scenario file needs at most 4");
                }
            }
        }
        catch (JsonException e)
        {
            var offset = JsonTextPositions.Offset(json, (int)(e.LineNumber ?? 0), (int)(e.BytePositionInLine ?? 0));
            if (JsonTextPositions.NonFiniteLiteralAt(json, offset) is { } found)
            {
                var (literalLine, literalColumn) = Position(json, found.Start);
                throw new ScenarioException(
                    file,
                    literalLine,
                    literalColumn,
                    $"{found.Literal} is not a JSON number; every value must be a finite number",
                    e);
            }

            var (line, column) = Position(json, offset);
            throw new ScenarioException(file, line, column, MalformedReason(e.Message), e);
        }
    }

    private static string MalformedReason(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = (cut >= 0 ? message[..cut] : message)
            .Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal);
        return "malformed JSON: " + reason;
    }

    /// <summary>1-based line and column in characters (not bytes) of a byte offset.</summary>
    private static (int Line, int Column) Position(ReadOnlySpan<byte> json, int offset)
    {
        var before = json[..Math.Min(offset, json.Length)];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }
}
