namespace Parity.Harness.Snapshots;

/// <summary>A snapshot file's two paths, as Verify's <c>FilePair</c>.</summary>
/// <param name="Extension">The extension, without the dot.</param>
/// <param name="ReceivedPath"><c>{directory}/{name}.received.{Extension}</c>, written for review on a mismatch.</param>
/// <param name="VerifiedPath"><c>{directory}/{name}.verified.{Extension}</c>, committed.</param>
internal readonly record struct FilePair(string Extension, string ReceivedPath, string VerifiedPath);
