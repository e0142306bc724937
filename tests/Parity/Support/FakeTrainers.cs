using System.Globalization;

namespace Parity.Tests.Support;

/// <summary>
/// Throw-away <c>parity-trainer/1</c> programs for fault tests: shell command lines over files in a temp folder of
/// their own, each logging <see cref="Diagnostics"/> on stderr first, so a test can see that errors quote it.
/// </summary>
internal sealed class FakeTrainers : IDisposable
{
    /// <summary>What every fake trainer prints on stderr.</summary>
    public const string Diagnostics = "fake trainer: request read, 3 epochs trained";

    public FakeTrainers() => Folder = Directory.CreateTempSubdirectory("parity-trainer-").FullName;

    public string Folder { get; }

    /// <summary>Where <see cref="Hanging"/> and <see cref="LeavingAChildBehind"/> write the pids they start.</summary>
    public string PidFile => Path.Combine(Folder, "pids");

    /// <summary>Reads the request, then prints <paramref name="stdout"/> as it is and exits 0.</summary>
    public string Printing(string stdout)
    {
        var path = Path.Combine(Folder, $"stdout-{Guid.NewGuid():N}");
        File.WriteAllText(path, stdout);
        return $"cat > /dev/null; echo '{Diagnostics}' >&2; cat '{path}'";
    }

    /// <summary>
    /// Never answers: a nested shell with a background and a foreground child, as <c>sh -c 'sleep 1000 &amp; sleep
    /// 1000'</c>, all three pids in <see cref="PidFile"/>.
    /// </summary>
    public string Hanging() =>
        $"echo '{Diagnostics}' >&2; sh -c 'sleep 1000 & echo $! >> {PidFile}; sleep 1000 & echo $! >> {PidFile}; echo $$ >> {PidFile}; wait'";

    /// <summary>Answers with <paramref name="stdout"/> and exits, leaving a child that keeps stdout open; its pid in <see cref="PidFile"/>.</summary>
    public string LeavingAChildBehind(string stdout) => $"sleep 1000 & echo $! > {PidFile}; {Printing(stdout)}";

    /// <summary>The pids the trainer wrote to <see cref="PidFile"/>.</summary>
    public IReadOnlyList<int> Pids() =>
        [.. File.ReadAllLines(PidFile).Where(l => l.Length > 0).Select(l => int.Parse(l, CultureInfo.InvariantCulture))];

    /// <summary>Whether the process runs (a zombie waiting to be reaped does not).</summary>
    public static bool IsRunning(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }

        // "pid (comm) S …": the state follows the last parenthesis, as comm may hold spaces and parentheses.
        var state = stat[(stat.LastIndexOf(')') + 2)..][0];
        return state is not ('Z' or 'X');
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
