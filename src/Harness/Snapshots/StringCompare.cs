namespace Parity.Harness.Snapshots;

/// <summary>
/// Compares a received text with its verified text, both normalised, once they are not equal to the letter: Verify's
/// <c>StringCompare</c>. <paramref name="context"/> is the test's <see cref="VerifySettings.Context"/>.
/// </summary>
internal delegate Task<CompareResult> StringCompare(string received, string verified, IReadOnlyDictionary<string, object> context);
