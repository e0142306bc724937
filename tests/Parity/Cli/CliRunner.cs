using Parity.Cli;
using Parity.Cli.Commands;
using Parity.Harness.Running;
using Parity.Tests.Support;

namespace Parity.Tests.Cli;

/// <summary>Runs the <c>parity</c> command in-process from the repository root, capturing what it prints.</summary>
internal static class CliRunner
{
    private static readonly SemaphoreSlim CurrentDirectory = new(1, 1);

    public static Task<(int Exit, string Out, string Error)> RunAsync(params string[] args) => RunInAsync(Support.Repository.Root, args);

    /// <summary>Runs it from <paramref name="folder"/>: the CLI takes the first folder up with a Parity.sln for the repository.</summary>
    public static async Task<(int Exit, string Out, string Error)> RunInAsync(string folder, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await RunInAsync(folder, Terminal.Capture(output, error), args);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs it from the repository root, interrupted (as by Ctrl-C) when <paramref name="interrupt"/> is cancelled.</summary>
    public static async Task<(int Exit, string Out, string Error)> RunAsync(CancellationToken interrupt, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await RunInAsync(Support.Repository.Root, Terminal.Capture(output, error), args, interrupt);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs it from <paramref name="folder"/> against any terminal.</summary>
    public static Task<int> RunInAsync(string folder, Terminal terminal, params string[] args) => RunInAsync(folder, terminal, args, default);

    private static async Task<int> RunInAsync(string folder, Terminal terminal, string[] args, CancellationToken interrupt)
    {
        await CurrentDirectory.WaitAsync(CancellationToken.None);
        var previous = Directory.GetCurrentDirectory();
        try
        {
            // The CLI finds the repository from the current folder, as `dotnet run --project src/Cli` from the root does;
            // its sessions share the run's references, as a process of its own would not (libtorch loaded, one worker).
            Directory.SetCurrentDirectory(folder);
            CommonOptions.Sessions = options => new ParityHarness(options, Live.Harness);
            return await Program.RunAsync(args, terminal, interrupt);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
            CurrentDirectory.Release();
        }
    }
}
