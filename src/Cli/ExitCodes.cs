namespace Parity.Cli;

/// <summary>The CLI's exit codes, part of its contract.</summary>
internal static class ExitCodes
{
    /// <summary>Parity, or the command succeeded.</summary>
    public const int Ok = 0;

    /// <summary>A mismatch (or a fixture check that failed).</summary>
    public const int Mismatch = 1;

    /// <summary>Bad input or an error: nothing was concluded and nothing was overwritten.</summary>
    public const int BadInput = 2;

    /// <summary>Interrupted (Ctrl-C, SIGTERM): the command stopped; every file is as it was or whole. 128 + SIGINT, as shells report it.</summary>
    public const int Interrupted = 130;
}
