namespace Parity.Harness.Snapshots;

/// <summary>
/// Called for each file that differs from its verified file, after its received file is written: Verify's
/// <c>VerifyMismatch</c>. <paramref name="message"/> is the comparer's; <paramref name="autoVerify"/> says the file was
/// accepted instead (then no received file was written).
/// </summary>
internal delegate Task VerifyMismatch(FilePair filePair, string? message, bool autoVerify);
