using System.Text;

namespace Parity.Harness.Snapshots;

/// <summary>
/// The one text form snapshots are stored and compared in: LF, UTF-8 without BOM, ending with a newline.
/// A checkout that turned LF into CRLF, or an editor that added a BOM, must not make a snapshot fail.
/// </summary>
internal static class SnapshotText
{
    /// <summary>UTF-8 without a byte-order mark.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The text with its BOM dropped, CRLF and CR turned to LF, and a final newline.</summary>
    public static string Normalise(string text)
    {
        var lf = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return lf.EndsWith('\n') ? lf : lf + "\n";
    }

    /// <summary>A file's text, normalised.</summary>
    public static string Read(string path) => Normalise(File.ReadAllText(path, Utf8));

    /// <summary>The lines of normalised text, without the final empty one.</summary>
    public static string[] Lines(string normalised) => normalised[..^1].Split('\n');
}
