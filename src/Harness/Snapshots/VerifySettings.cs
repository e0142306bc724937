namespace Parity.Harness.Snapshots;

/// <summary>
/// How one snapshot is named, compared and accepted: Verify's <c>VerifySettings</c>, with its method names, so that
/// moving to Verify.NUnit changes the <c>using</c> and not the call. The file is
/// <c>{directory}/{Type}.{Method}_{parameters}.verified.{ext}</c>, or <c>{directory}/{fileName}.verified.{ext}</c>.
/// </summary>
internal sealed class VerifySettings
{
    private readonly List<VerifyMismatch> mismatchHandlers = [];

    /// <summary>Configuration for comparers and callbacks (Parity's tolerance, say), handed to each <see cref="StringCompare"/>.</summary>
    public Dictionary<string, object> Context { get; } = [];

    /// <summary>The snapshot folder; null: the test's source folder.</summary>
    public string? Directory { get; private set; }

    /// <summary>The whole name; null: <c>{Type}.{Method}_{parameters}</c>.</summary>
    public string? FileName { get; private set; }

    /// <summary>The <c>{parameters}</c> part of the name; null: none.</summary>
    public string? ParametersText { get; private set; }

    /// <summary>Whether new and changed files are written as verified files, and pass.</summary>
    public bool IsAutoVerify { get; private set; }

    /// <summary>Whether a mismatch may open the diff tool (never on CI or a build server anyway).</summary>
    public bool DiffEnabled { get; private set; } = true;

    /// <summary>Snapshot files in <paramref name="directory"/>, relative to the test's source folder or absolute.</summary>
    public void UseDirectory(string directory) => Directory = directory;

    /// <summary>Names the files <c>{fileName}.verified.{ext}</c>.</summary>
    public void UseFileName(string fileName) => FileName = fileName;

    /// <summary>The <c>_{parameters}</c> part of the name: one snapshot per test case (a scenario's name, say).</summary>
    public void UseTextForParameters(string parametersText) => ParametersText = parametersText;

    /// <summary>Accept: new and changed files become the verified files, and the verification passes.</summary>
    public void AutoVerify() => IsAutoVerify = true;

    /// <summary>Never open the diff tool.</summary>
    public void DisableDiff() => DiffEnabled = false;

    /// <summary>Adds <paramref name="verifyMismatch"/> to what runs on each mismatch.</summary>
    public void OnVerifyMismatch(VerifyMismatch verifyMismatch) => mismatchHandlers.Add(verifyMismatch);

    /// <summary>What runs on each mismatch, in order, after the received file is written.</summary>
    public IReadOnlyList<VerifyMismatch> MismatchHandlers => mismatchHandlers;
}
