using NUnit.Framework;
using Parity.HandRolled;
using Parity.HandRolled.Init;
using Parity.HandRolled.Model;
using Parity.Harness.Diagnosis;
using Parity.Harness.Scenarios;
using Parity.Tests.Support;

namespace Parity.Tests.Harness.Diagnosis;

/// <summary>
/// The oracle's update at a trainer's own parameters is the engines' own optimizer step with its state carried: from
/// the trace's parameters before each step it reproduces the trace's updates, for stateful optimizers and per-sample
/// batches too.
/// </summary>
public sealed class ReferenceOracleTests
{
    private const int Steps = 6;

    public static IEnumerable<TestCaseData> Sides() =>
        new (string Name, BatchMode Batch, Optimizer Optimizer)[]
        {
            ("adam full batch", BatchMode.Full, Optimizer.Adam(weightDecay: 0.01)),
            ("adamw amsgrad per-sample", BatchMode.PerSample, Optimizer.AdamW(amsgrad: true)),
            ("rmsprop centered momentum full batch", BatchMode.Full, Optimizer.RmsProp(momentum: 0.5, centered: true)),
            ("sgd nesterov per-sample", BatchMode.PerSample, Optimizer.Sgd(0.9, nesterov: true, weightDecay: 0.01)),
        }.Select(s => new TestCaseData(s.Batch, s.Optimizer).SetArgDisplayNames(s.Name));

    [TestCaseSource(nameof(Sides))]
    public void Update_AlongTheTrainersOwnPath_ReproducesItsUpdatesExactly(BatchMode batch, Optimizer optimizer)
    {
        var side = new SideSpec(Loss.Mse, 0.05, DType.Float64, batch, optimizer);
        var network = Xor.Network(bias: true);
        var scenario = new Scenario("oracle", "oracle", Xor.Data, network, new InitSpec(InitSource.Uniform01), 3, side, side, new Tolerance(1e-10, 1e-12), Verdict.Parity, "", "");
        var initial = Initializers.Uniform01(network, seed: 1);
        var trace = Trainer.Train(network, side.ToOptions(Steps, Steps), initial, Xor.Data);
        var oracle = new ReferenceOracle(scenario, side);

        var before = initial;
        for (var s = 0; s < Steps; s++)
        {
            var update = oracle.Update(before, s);

            // Tolerance 0: the same gradient (the engines agree bit for bit) through the same optimizer code.
            var expected = trace.Steps[s].Parameters.Zip(before, (after, b) => b with { Values = [.. after.Values.Zip(b.Values, (x, y) => x - y)] }).ToList();
            Close.AssertTensors(update, expected, 0, 0, $"Update of step {s}");
            before = trace.Steps[s].Parameters;
        }
    }
}
