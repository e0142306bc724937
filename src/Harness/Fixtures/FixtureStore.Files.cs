using Parity.HandRolled.Model;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Fixtures;

public sealed partial class FixtureStore
{
    internal const string MetaFile = "meta.json";
    internal const string InitialFile = "initial-parameters.csv";
    internal const string LossesFile = "losses.csv";
    internal const string StepsFile = "steps.csv";
    internal const string FinalFile = "final-parameters.csv";
    private const string HandRolledSide = "handRolled";
    private const string TorchSide = "torch";
    private const string GradientKind = "gradient";
    private const string ParameterKind = "parameter";

    private static void WriteFiles(string folder, Scenario scenario, Fixture fixture)
    {
        FixtureCsv.Write(
            Path.Combine(folder, InitialFile),
            ["side", "parameter", "index", "value"],
            Rows(HandRolledSide, fixture.HandRolledInitial).Concat(Rows(TorchSide, fixture.TorchInitial)));
        FixtureCsv.Write(
            Path.Combine(folder, LossesFile),
            ["epoch", "loss"],
            fixture.Torch.Losses.Select((loss, epoch) => new object[] { epoch, loss }));
        FixtureCsv.Write(
            Path.Combine(folder, StepsFile),
            ["step", "kind", "parameter", "index", "value"],
            fixture.Torch.Steps.SelectMany(s =>
                Rows(GradientKind, s.Gradients).Concat(Rows(ParameterKind, s.Parameters)).Select(r => (object[])[s.Step, .. r])));
        FixtureCsv.Write(
            Path.Combine(folder, FinalFile),
            ["parameter", "index", "value"],
            fixture.Torch.FinalParameters.SelectMany(t => t.Values.Select((v, i) => new object[] { t.Name, i, v })));
        _ = scenario;
    }

    private static IEnumerable<object[]> Rows(string label, IEnumerable<NamedTensor> tensors) =>
        tensors.SelectMany(t => t.Values.Select((v, i) => new object[] { label, t.Name, i, v }));

    private static Fixture Read(string folder, Scenario scenario, FixtureMeta meta)
    {
        var (handNetwork, torchNetwork) = (scenario.NetworkOf(scenario.HandRolled), scenario.NetworkOf(scenario.Torch));
        var initialPath = Path.Combine(folder, InitialFile);
        var initial = FixtureCsv.Read(initialPath, ["side", "parameter", "index", "value"], Values(handNetwork) + Values(torchNetwork));
        if (initial.FirstOrDefault(r => r.Text(0) is not (HandRolledSide or TorchSide)) is { } stray)
        {
            throw stray.Error(0, $"a side, {HandRolledSide} or {TorchSide}");
        }

        var handInitial = ParameterTable.Build(
            initial.Where(r => r.Text(0) == HandRolledSide), handNetwork, 1, initialPath, "hand-rolled initial parameters");
        var torchInitial = ParameterTable.Build(
            initial.Where(r => r.Text(0) == TorchSide), torchNetwork, 1, initialPath, "torch initial parameters");
        var losses = ReadLosses(Path.Combine(folder, LossesFile), scenario.Epochs);
        var steps = ReadSteps(Path.Combine(folder, StepsFile), scenario, meta);
        var finalPath = Path.Combine(folder, FinalFile);
        var final = ParameterTable.Build(
            FixtureCsv.Read(finalPath, ["parameter", "index", "value"], Values(torchNetwork)), torchNetwork, 0, finalPath, "final parameters");
        return new Fixture(meta, handInitial, torchInitial, new TrainingTrace(losses, steps, final));
    }

    private static double[] ReadLosses(string path, int epochs)
    {
        var rows = FixtureCsv.Read(path, ["epoch", "loss"], epochs);
        var losses = new double[rows.Count];
        foreach (var row in rows)
        {
            losses[row.Index] = row.Integer(0) == row.Index ? row.Number(1) : throw row.Error(0, $"epoch {row.Index} (rows in epoch order)");
        }

        return losses.Length == epochs
            ? losses
            : throw new FixtureException(
                $"{Paths.Display(path)}: {losses.Length} rows, expected {epochs}, one per epoch{(losses.Length < epochs ? "; is the file truncated?" : "")}");
    }

    /// <summary>The first updates in detail: as many as meta.json's stepDetails, or every update when there are fewer.</summary>
    private static List<StepRecord> ReadSteps(string path, Scenario scenario, FixtureMeta meta)
    {
        var network = scenario.NetworkOf(scenario.Torch);
        var updates = (long)scenario.Epochs * (scenario.Torch.Batch == BatchMode.PerSample ? scenario.Data.Count : 1);
        var expected = (int)Math.Min(meta.StepDetails, updates);
        var rows = FixtureCsv.Read(path, ["step", "kind", "parameter", "index", "value"], expected * 2 * Values(network));
        if (rows.FirstOrDefault(r => r.Text(1) is not (GradientKind or ParameterKind)) is { } stray)
        {
            throw stray.Error(1, $"{GradientKind} or {ParameterKind}");
        }

        var steps = rows.GroupBy(r => r.Integer(0)).OrderBy(g => g.Key).Select((g, i) =>
            g.Key != i
                ? throw g.First().Error(0, $"step {i} (steps numbered from 0 without gaps)")
                : new StepRecord(
                    i,
                    ParameterTable.Build(g.Where(r => r.Text(1) == GradientKind), network, 2, path, $"step {i} gradients"),
                    ParameterTable.Build(g.Where(r => r.Text(1) == ParameterKind), network, 2, path, $"step {i} parameters"))).ToList();
        return steps.Count == expected
            ? steps
            : throw new FixtureException(
                $"{Paths.Display(path)}: {steps.Count} steps, expected {expected} (meta.json records the first {meta.StepDetails} updates in detail)");
    }

    /// <summary>How many values the network's parameters hold: one CSV row each.</summary>
    private static long Values(NetworkSpec network) => network.ParameterShapes().Sum(p => p.Shape.Aggregate(1L, (a, b) => a * b));
}
