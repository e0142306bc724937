namespace Parity.Harness.Snapshots;

/// <summary>
/// One file of a snapshot: <c>{name}.verified.{Extension}</c>. A snapshot may hold several files (a CSV of the
/// curves and a text summary, say), one per extension, so that a reviewer sees each in the tool made for it.
/// </summary>
/// <param name="Extension">Without the dot: <c>csv</c>, <c>txt</c>. Decides the file name, and <c>csv</c> turns
/// on column names in failure messages and the received plot.</param>
/// <param name="Content">The text; it is normalised to LF, UTF-8 without BOM, ending with a newline.</param>
internal sealed record SnapshotFile(string Extension, string Content);
