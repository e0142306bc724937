using System.CommandLine;
using Parity.Harness.Reference;
using Parity.Harness.Running;

namespace Parity.Cli.Commands;

/// <summary>Options several commands share, and the harness session they configure.</summary>
internal static class CommonOptions
{
    public static Option<string> Reference() => new Option<string>("--reference")
    {
        Description = "Where PyTorch's side comes from: live (the worker), fixtures (committed, no Python needed) or auto (live when available).",
        DefaultValueFactory = _ => "auto",
    }.AcceptingOnly("live", "fixtures", "auto");

    public static Option<bool> Json() => new("--json") { Description = "Print the verdict as JSON (docs/contracts.md) instead of a table." };

    public static Option<string?> Python() => new("--python") { Description = "A Python that can import torch (after PARITY_PYTHON)." };

    public static ReferenceMode ParseReference(string value) => value switch
    {
        "live" => ReferenceMode.Live,
        "fixtures" => ReferenceMode.Fixtures,
        _ => ReferenceMode.Auto,
    };

    /// <summary>A harness session rooted at the repository around the current folder (or around the tool itself).</summary>
    public static ParityHarness Harness(ReferenceMode reference = ReferenceMode.Auto, string? python = null) =>
        new(new HarnessOptions(FindRoot(), reference, python));

    private static Option<string> AcceptingOnly(this Option<string> option, params string[] values)
    {
        option.AcceptOnlyFromAmong(values);
        return option;
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            try
            {
                return HarnessOptions.FindRoot(start);
            }
            catch (DirectoryNotFoundException)
            {
                // Try the next place; outside a checkout, scenario paths still work.
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
