using Parity.Common;

namespace Parity.TorchReference.Worker;

/// <summary>
/// Where to look for a Python that can <c>import torch</c>, in order: <c>PARITY_PYTHON</c>, the run setting,
/// then <c>python3</c>, <c>/usr/bin/python3</c> (Debian's <c>python3-torch</c> installs there), <c>python</c>.
/// </summary>
public static class PythonCandidates
{
    /// <summary>The environment variable that names the Python to use.</summary>
    public const string EnvironmentVariable = ParitySettings.PythonVariable;

    /// <summary>What to install when none has torch.</summary>
    public const string InstallHint =
        "Install PyTorch: on Debian/Ubuntu `sudo apt-get install python3-torch` (it is importable by /usr/bin/python3), "
        + "or `pip install torch`; or point PARITY_PYTHON at a Python that has it. "
        + "Without PyTorch, run against the committed fixtures: --reference fixtures.";

    /// <summary>The candidates, first to last, without duplicates.</summary>
    /// <param name="runSetting">The <c>Python</c> run setting, if any.</param>
    /// <param name="environment">Reads an environment variable (injected for tests).</param>
    public static IReadOnlyList<string> For(string? runSetting, Func<string, string?>? environment = null)
    {
        environment ??= ParitySettings.Variable;
        string?[] all = [environment(EnvironmentVariable), runSetting, "python3", "/usr/bin/python3", "python"];
        return [.. all.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!).Distinct()];
    }
}
