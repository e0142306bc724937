using Parity.Harness.Reference;

namespace Parity.Harness.Running;

/// <summary>How a harness session finds things and where PyTorch's side comes from.</summary>
/// <param name="Root">The repository root: <c>fixtures/</c> and <c>fixtures/scenarios/</c> are below it.</param>
/// <param name="Reference">auto, torchsharp, pytorch or fixtures.</param>
/// <param name="Python">The Python run setting, tried after PARITY_PYTHON.</param>
/// <param name="StepDetails">How many first updates are recorded in detail for the lockstep diagnosis.</param>
public sealed record HarnessOptions(string Root, ReferenceSource Reference = ReferenceSource.Auto, string? Python = null, int StepDetails = 10)
{
    /// <summary>The scenario catalogue.</summary>
    public string Catalogue => Path.Combine(Root, "fixtures", "scenarios");

    /// <summary>The fixtures' root.</summary>
    public string Fixtures => Path.Combine(Root, "fixtures");

    /// <summary>The repository root above <paramref name="start"/>: the first folder that holds <c>Parity.sln</c>.</summary>
    public static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parity.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No Parity.sln in {start} or above it: run parity from inside the repository, or pass a scenario file's path.");
    }
}
