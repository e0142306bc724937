using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Parity.Harness.Trainers;

/// <summary>
/// An external trainer's process: its command line under <c>/bin/sh -c</c>, in a session of its own (<c>setsid</c>)
/// so that everything it starts — a background job, or a child that outlives the shell and is re-parented away from
/// it — is in one process group, killed together with the tree of processes still below the shell.
/// </summary>
internal sealed class TrainerProcess : IDisposable
{
    private const string Setsid = "/usr/bin/setsid";
    private const int SigKill = 9;
    private readonly bool grouped;

    private TrainerProcess(Process process, bool grouped)
    {
        Process = process;
        this.grouped = grouped;
    }

    /// <summary>The shell (or setsid, which runs the shell in place).</summary>
    public Process Process { get; }

    /// <summary>Starts the command line with stdin, stdout and stderr redirected.</summary>
    /// <exception cref="TrainerException">Not even the shell could be started.</exception>
    public static TrainerProcess Start(string commandLine)
    {
        var grouped = File.Exists(Setsid);
        var start = new ProcessStartInfo(grouped ? Setsid : "/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (grouped)
        {
            // A child of this process is never a process group leader, so setsid runs the shell in place: the shell's
            // pid is the id of the new session and of its process group.
            start.ArgumentList.Add("/bin/sh");
        }

        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(commandLine);
        try
        {
            return new TrainerProcess(
                Process.Start(start) ?? throw new TrainerException($"The trainer `{commandLine}` could not be started."), grouped);
        }
        catch (Win32Exception error)
        {
            throw new TrainerException($"The trainer `{commandLine}` could not be started: {error.Message}.");
        }
    }

    /// <summary>Kills the shell, the processes below it, and every process left in its group.</summary>
    public void Kill()
    {
        try
        {
            Process.Kill(entireProcessTree: true);
        }
        catch (Exception error) when (error is InvalidOperationException or Win32Exception)
        {
            // It had exited already.
        }

        if (grouped)
        {
            // A group outlives its leader while any member lives, and its id is not reused until then; ESRCH (the
            // group is empty) is the usual answer.
            _ = KillProcessGroup(-Process.Id, SigKill);
        }
    }

    /// <summary>
    /// Returns once no process of the trainer's group is still running, or after <paramref name="limit"/>. A killed
    /// process closes its files before it has finished dying: its pipes are at end of file while it still runs for a
    /// moment (longer on a loaded machine), so that end does not prove it is gone. A zombie waiting for its parent to
    /// reap it runs nothing, and counts as gone.
    /// </summary>
    public async Task WaitUntilGoneAsync(TimeSpan limit)
    {
        if (!grouped || !Directory.Exists("/proc"))
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        while (GroupRuns(Process.Id) && clock.Elapsed < limit)
        {
            await Task.Delay(5).ConfigureAwait(false);
        }
    }

    public void Dispose() => Process.Dispose();

    // /proc/PID/stat is "pid (comm) state ppid pgrp …"; comm may hold spaces and parentheses, so fields are counted
    // from the last parenthesis.
    private static bool GroupRuns(int group)
    {
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out _))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(folder, "stat"));
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                continue; // it ended while the folder was being read
            }

            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ', 4);
            if (fields.Length > 2 && fields[0] is not ("Z" or "X") && fields[2] == group.ToString(CultureInfo.InvariantCulture))
            {
                return true;
            }
        }

        return false;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int KillProcessGroup(int pid, int signal);
}
