using Parity.Harness.Running;
using Parity.Harness.Trainers;
using Parity.Tests.Support;

namespace Parity.Tests.Diagnosis;

/// <summary>Runs the project's deliberately broken trainers against a catalogue scenario.</summary>
internal static class TestTrainers
{
    // Their matrices are a few rows wide: OpenBLAS's thread per core only starts, spins and stops (a third of each
    // trainer's CPU time here), and each of these products is computed on one thread either way.
    private const string OneBlasThread = "OPENBLAS_NUM_THREADS=1";

    /// <summary>The seed-style numpy trainer with one bug (see its docstring).</summary>
    public static string Numpy(string bug) =>
        $"{OneBlasThread} {Requires.SystemPython} '{Path.Combine(Repository.Root, "tests", "Parity", "Diagnosis", "Trainers", "seed_numpy_trainer.py")}' {bug}";

    /// <summary>The numpy trainer of torch.optim's SGD, Adam and AdamW with one departure (see its docstring).</summary>
    public static string Optimizer(string departure) =>
        $"{OneBlasThread} {Requires.SystemPython} '{Path.Combine(Repository.Root, "tests", "Parity", "Diagnosis", "Trainers", "optimizer_numpy_trainer.py")}' {departure}";

    /// <summary>Verifies an external trainer as <c>parity verify</c> does, with PyTorch live or from the fixtures.</summary>
    public static async Task<ScenarioResult> VerifyAsync(string scenarioName, string commandLine)
    {
        Requires.NumpyInSystemPython();
        return await Live.Harness.VerifyAsync(
            Live.Harness.Load(scenarioName), new ExternalTrainer(commandLine, TimeSpan.FromSeconds(120)), await Live.ReferenceSourceAsync());
    }
}
