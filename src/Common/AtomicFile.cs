using System.Text;

namespace Parity.Common;

/// <summary>
/// The one way Parity replaces a file: the new content is written whole to a temporary file beside the target (the
/// same folder, so the same filesystem), flushed to disk, then renamed over it, which is atomic. A reader — or a run
/// killed at any moment — sees the old file or the new one, never half of either, and a failed write leaves the old one.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/>, UTF-8 without a byte-order mark.</summary>
    public static void Write(string path, string text) => Write(path, Utf8.GetBytes(text));

    /// <summary>Replaces <paramref name="path"/> with <paramref name="bytes"/>.</summary>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);

        // The leading dot and the suffix keep the temporary file out of every pattern Parity lists (`*.verified.*`,
        // `*.received.*`, `*.json`, `*.so`); the GUID keeps two writers apart.
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

#pragma warning disable RS0030 // the one atomic write
            File.Move(temporary, path, overwrite: true);
#pragma warning restore RS0030
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
