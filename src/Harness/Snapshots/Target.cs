namespace Parity.Harness.Snapshots;

/// <summary>
/// One file of a snapshot, as Verify's <c>Target</c>: <c>{name}.verified.{Extension}</c>. A snapshot may hold several,
/// one per extension (the curves as CSV and a text summary, say), so that a reviewer sees each in the tool made for it.
/// </summary>
/// <param name="Extension">Without the dot: <c>csv</c>, <c>txt</c>; picks the file name and the registered comparer.</param>
/// <param name="Data">The text; it is normalised to LF, UTF-8 without BOM, ending with a newline.</param>
internal readonly record struct Target(string Extension, string Data);
