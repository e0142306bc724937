using DiffEngine;

namespace Parity.Harness.Snapshots;

/// <summary>
/// Opens the user's diff tool (through DiffEngine) on a changed snapshot, received on the left, verified on the
/// right, so that accepting is one merge away. Never on CI or a build server, where nobody would see the window and
/// a launched process could hang the job; and a failing diff tool never fails the test: the message already says
/// what changed.
/// </summary>
internal sealed class DiffToolLauncher
{
    private readonly Func<string, string?> environment;
    private readonly Func<bool> suppressed;
    private readonly Action<string, string> launch;

    /// <summary>A diff tool gate with its surroundings injected, so tests neither read the real environment nor open windows.</summary>
    /// <param name="environment">Reads an environment variable (<c>CI</c>).</param>
    /// <param name="suppressed">Whether DiffEngine itself says not to launch: a detected build server, or
    /// <c>DiffEngine_Disabled</c>.</param>
    /// <param name="launch">Launches the tool for (received, verified).</param>
    public DiffToolLauncher(Func<string, string?> environment, Func<bool> suppressed, Action<string, string> launch)
    {
        this.environment = environment;
        this.suppressed = suppressed;
        this.launch = launch;
    }

    /// <summary>The real one: the process environment, DiffEngine's detection, and <c>DiffRunner.Launch(received, verified)</c>.</summary>
    public static DiffToolLauncher System { get; } = new(
        Environment.GetEnvironmentVariable,
        () => BuildServerDetector.Detected || DiffRunner.Disabled,
        (received, verified) => DiffRunner.Launch(received, verified));

    /// <summary>Whether a launch is allowed: asked for, <c>CI</c> unset or empty, and no build server detected.</summary>
    public bool Allowed(bool requested) =>
        requested && string.IsNullOrEmpty(environment("CI")) && !suppressed();

    /// <summary>Launches the tool if <see cref="Allowed"/>; any failure of the tool is swallowed.</summary>
    /// <returns>Whether a launch was attempted.</returns>
    public bool TryLaunch(string received, string verified, bool requested)
    {
        if (!Allowed(requested))
        {
            return false;
        }

        try
        {
            launch(received, verified);
        }
#pragma warning disable CA1031 // A missing or broken diff tool is the user's setup, not the snapshot's failure.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        return true;
    }
}
