using Parity.Harness.External;
using Parity.Harness.Reference;
using Parity.Harness.Running;
using Parity.Harness.Scenarios;
using Parity.Tests.Support;

namespace Parity.Tests.Diagnosis;

/// <summary>Runs the project's deliberately broken trainers against a catalogue scenario.</summary>
internal static class TestTrainers
{
    /// <summary>The seed-style numpy trainer with one bug (see its docstring).</summary>
    public static string Numpy(string bug) =>
        $"{Requires.SystemPython} '{Path.Combine(Repository.Root, "tests", "Parity", "Diagnosis", "Trainers", "seed_numpy_trainer.py")}' {bug}";

    /// <summary>Verifies an external trainer as <c>parity verify</c> does, with PyTorch live or from the fixtures.</summary>
    public static async Task<ScenarioResult> VerifyAsync(string scenarioName, string commandLine)
    {
        Requires.NumpyInSystemPython();
        var harness = Live.Harness;
        var scenario = harness.Load(scenarioName);
        var reference = await harness.ReferenceAsync(scenario, await Live.ReferenceSourceAsync());
        var trace = await new ExternalTrainer(commandLine, TimeSpan.FromSeconds(120)).TrainAsync(
            scenario.NetworkOf(scenario.HandRolled),
            scenario.HandRolled.ToOptions(scenario.Epochs, harness.Options.StepDetails),
            scenario.Data,
            reference.HandRolledInitial);
        return harness.Conclude(scenario, trace, reference);
    }

    /// <summary>A catalogue scenario's reference, live or from the fixtures.</summary>
    public static async Task<(Scenario Scenario, ReferenceRun Reference)> ReferenceAsync(string scenarioName)
    {
        var scenario = Live.Harness.Load(scenarioName);
        return (scenario, await Live.Harness.ReferenceAsync(scenario, await Live.ReferenceSourceAsync()));
    }
}
