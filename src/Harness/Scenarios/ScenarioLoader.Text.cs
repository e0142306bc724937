using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Parity.Harness.Scenarios;

/// <summary>The bytes and the JSON syntax: bounded reading, depth, line and column of malformed text.</summary>
public static partial class ScenarioLoader
{
    /// <summary>The file's bytes; more than <see cref="MaxFileBytes"/> is refused, before reading when the length is known.</summary>
    internal static byte[] ReadBounded(string path)
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
                    // A device or a pipe (no length, or 0 as /dev/zero reports), or a file that grows while it is read.
                    throw new ScenarioException(
                        path, null, $"goes on past {MaxFileBytes / (1024 * 1024)} MiB; scenario files are limited to {MaxFileBytes / (1024 * 1024)} MiB");
                }

                bytes.Write(buffer, 0, read);
            }

            return bytes.ToArray();
        }
    }

    /// <summary>
    /// The JSON document in <paramref name="bytes"/> (after a UTF-8 byte order mark, if any), its syntax and depth
    /// checked first so that malformed text fails with its line and column.
    /// </summary>
    internal static JsonDocument Document(byte[] bytes, string file)
    {
        var json = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes.AsMemory(Encoding.UTF8.Preamble.Length) : bytes;
        CheckSyntax(json.Span, file);
        return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth + 1 });
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
        // The reader checks UTF-8 only where it decodes a string, later, and then throws InvalidOperationException.
        if (FirstInvalidUtf8(json) is { } invalid)
        {
            var (badLine, badColumn) = Position(json, invalid);
            throw new ScenarioException(
                file, badLine, badColumn, $"not UTF-8 text (byte 0x{json[invalid]:X2}); scenario files are UTF-8 JSON");
        }

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

    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> json)
    {
        if (Utf8.IsValid(json))
        {
            return null;
        }

        var offset = 0;
        while (Rune.DecodeFromUtf8(json[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        return offset;
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
