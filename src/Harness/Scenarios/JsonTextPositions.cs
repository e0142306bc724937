using System.Text;

namespace Parity.Harness.Scenarios;

/// <summary>
/// Where in JSON text a reader stopped, shared by everything that reports malformed JSON: the scenario loader and the
/// external trainers' responses. Python's <c>json.dumps</c> writes NaN and Infinity, which JSON lacks, so those
/// literals are named rather than reported as an invalid character.
/// </summary>
internal static class JsonTextPositions
{
    /// <summary>NaN or Infinity (either sign) where the reader stopped, and where it starts: Python's json.dumps writes them.</summary>
    public static (int Start, string Literal)? NonFiniteLiteralAt(ReadOnlySpan<byte> json, int offset)
    {
        var start = offset > 0 && offset <= json.Length && json[offset - 1] is (byte)'-' or (byte)'+' ? offset - 1 : offset;
        var rest = json[Math.Min(start, json.Length)..];
        foreach (var literal in (ReadOnlySpan<string>)["NaN", "Infinity", "-Infinity", "+Infinity", "-NaN", "+NaN"])
        {
            if (rest.StartsWith(Encoding.ASCII.GetBytes(literal)))
            {
                return (start, literal);
            }
        }

        return null;
    }

    /// <summary>The byte offset of a 0-based line and byte position in it, as a JsonException reports them.</summary>
    public static int Offset(ReadOnlySpan<byte> json, int line, int bytePositionInLine)
    {
        var lineStart = 0;
        for (var l = 0; l < line; l++)
        {
            var next = json[lineStart..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            lineStart += next + 1;
        }

        return Math.Min(lineStart + bytePositionInLine, json.Length);
    }
}
