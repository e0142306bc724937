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
        var initial = FixtureCsv.Read(Path.Combine(folder, InitialFile), ["side", "parameter", "index", "value"]);
        var handInitial = ParameterTable.Build(initial.Where(r => r.Text(0) == HandRolledSide), scenario.NetworkOf(scenario.HandRolled), 1);
        var torchInitial = ParameterTable.Build(initial.Where(r => r.Text(0) == TorchSide), scenario.NetworkOf(scenario.Torch), 1);
        foreach (var row in initial.Where(r => r.Text(0) is not (HandRolledSide or TorchSide)))
        {
            throw row.Error(0, $"a side, {HandRolledSide} or {TorchSide}");
        }

        var lossRows = FixtureCsv.Read(Path.Combine(folder, LossesFile), ["epoch", "loss"]);
        if (lossRows.Count != scenario.Epochs)
        {
            throw new FixtureException(
                $"{Display(Path.Combine(folder, LossesFile))}: {lossRows.Count} rows, expected one per epoch ({scenario.Epochs})");
        }

        var losses = new double[lossRows.Count];
        foreach (var row in lossRows)
        {
            var epoch = row.Integer(0);
            if (epoch != row.Index)
            {
                throw row.Error(0, $"epoch {row.Index} (rows in epoch order)");
            }

            losses[epoch] = row.Number(1);
        }

        var torchNetwork = scenario.NetworkOf(scenario.Torch);
        var stepRows = FixtureCsv.Read(Path.Combine(folder, StepsFile), ["step", "kind", "parameter", "index", "value"]);
        var steps = stepRows.GroupBy(r => r.Integer(0)).OrderBy(g => g.Key).Select((g, i) =>
            g.Key != i
                ? throw g.First().Error(0, $"step {i} (steps numbered from 0 without gaps)")
                : new StepRecord(
                    i,
                    ParameterTable.Build(g.Where(r => r.Text(1) == GradientKind), torchNetwork, 2),
                    ParameterTable.Build(g.Where(r => r.Text(1) == ParameterKind), torchNetwork, 2))).ToList();
        var final = ParameterTable.Build(FixtureCsv.Read(Path.Combine(folder, FinalFile), ["parameter", "index", "value"]), torchNetwork, 0);
        return new Fixture(meta, handInitial, torchInitial, new TrainingTrace(losses, steps, final));
    }
}
