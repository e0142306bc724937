using System.CommandLine;

namespace Parity.Cli;

/// <summary>The <c>parity</c> command: a thin shell over the harness.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("Parity: prove a hand-rolled network trains exactly like PyTorch, and say why when it does not.");
        return root.Parse(args).Invoke();
    }
}
