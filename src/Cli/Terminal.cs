using Spectre.Console;

namespace Parity.Cli;

/// <summary>Where the CLI writes: plain text writers for JSON and errors, a Spectre console for tables and progress.</summary>
internal sealed record Terminal(TextWriter Out, TextWriter Error, IAnsiConsole Ansi, TextReader In)
{
    /// <summary>The process's own console.</summary>
    public static Terminal System() => new(Console.Out, Console.Error, AnsiConsole.Console, Console.In);

    /// <summary>A terminal writing to the given writers (tests), without colours or live displays.</summary>
    public static Terminal Capture(TextWriter output, TextWriter error, TextReader? input = null) => new(
        output,
        error,
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        }),
        input ?? TextReader.Null);
}
