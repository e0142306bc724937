using Parity.Cli;

namespace Parity.Tests.Cli;

/// <summary>Runs the <c>parity</c> command in-process from the repository root, capturing what it prints.</summary>
internal static class CliRunner
{
    private static readonly SemaphoreSlim CurrentDirectory = new(1, 1);

    public static Task<(int Exit, string Out, string Error)> RunAsync(params string[] args) => RunInAsync(Support.Repository.Root, args);

    /// <summary>Runs the command from <paramref name="directory"/>: a folder holding <c>Parity.sln</c> is the repository it acts on.</summary>
    public static async Task<(int Exit, string Out, string Error)> RunInAsync(string directory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        await CurrentDirectory.WaitAsync();
        var previous = Directory.GetCurrentDirectory();
        try
        {
            // The CLI finds the repository from the current folder, as `dotnet run --project src/Cli` from the root does.
            Directory.SetCurrentDirectory(directory);
            var exit = await Program.RunAsync(args, Terminal.Capture(output, error));
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
            CurrentDirectory.Release();
        }
    }
}
