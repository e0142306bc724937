using System.CommandLine;
using Parity.Harness.Reference;
using Parity.Harness.Running;

namespace Parity.Cli.Commands;

/// <summary>Options several commands share, and the harness session they configure.</summary>
internal static class CommonOptions
{
    public static Option<string> Reference() => new Option<string>("--reference")
    {
        Description = "Where PyTorch's side comes from: torchsharp (libtorch in process), pytorch (the Python worker), fixtures "
            + "(committed) or auto (the first of these that can be used, saying why); live is torchsharp.",
        DefaultValueFactory = _ => "auto",
    }.AcceptingOnly([.. Sources.All]);

    /// <summary>The live reference that makes fixtures: torchsharp (the default) or pytorch.</summary>
    public static Option<string> LiveReference() => new Option<string>("--reference")
    {
        Description = "The live reference that makes the fixtures: torchsharp (libtorch in process, the default) or pytorch (the Python worker).",
        DefaultValueFactory = _ => "torchsharp",
    }.AcceptingOnly("torchsharp", "pytorch", "live");

    public static Option<bool> Json() => new("--json") { Description = "Print the verdict as JSON (docs/contracts.md) instead of a table." };

    public static Option<string?> Python() => new("--python") { Description = "A Python that can import torch (after PARITY_PYTHON)." };

    public static ReferenceSource ParseReference(string value) => Sources.Parse(value);

    /// <summary>
    /// How a command makes its harness session: a new one, with its own references. The tests run the CLI in process
    /// with sessions that share their run's references (libtorch loaded once, one Python worker).
    /// </summary>
    internal static Func<HarnessOptions, ParityHarness> Sessions { get; set; } = options => new ParityHarness(options);

    /// <summary>A harness session rooted at the repository around the current folder (or around the tool itself).</summary>
    public static ParityHarness Harness(ReferenceSource reference = ReferenceSource.Auto, string? python = null) =>
        Sessions(new HarnessOptions(FindRoot(), reference, python));

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
