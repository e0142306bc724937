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

    /// <summary>
    /// Writes the file so that a reader never sees half of it: a temporary file in the same folder (hence the
    /// same filesystem), flushed, then renamed over the target, which is atomic.
    /// </summary>
    public static void WriteAtomically(string path, string normalised)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        // The leading dot keeps the temporary file out of the `{name}.received.*` and `*.verified.*` patterns.
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                var bytes = Utf8.GetBytes(normalised);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
