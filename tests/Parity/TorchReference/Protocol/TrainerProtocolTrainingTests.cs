using System.Text.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Parity.HandRolled.Model;
using Parity.Tests.Support;
using Parity.TorchReference.Protocol;

namespace Parity.Tests.TorchReference.Protocol;

/// <summary>
/// <c>training.optimizer</c>, <c>training.batch</c>, <c>training.logged</c> and <c>training.schedule</c> in <c>parity-trainer/1</c> requests: each
/// written and read back, a request without them read as today's, and every malformed one refused with its place named.
/// </summary>
public sealed class TrainerProtocolTrainingTests
{
    private static readonly NamedTensor[] Initial = [new("0.weight", [5, 2], new double[10]), new("1.weight", [1, 5], new double[5])];

    public static IEnumerable<TestCaseData> NewFields()
    {
        TestCaseData Case(string name, TrainingOptions options) => new TestCaseData(options).SetArgDisplayNames(name);
        var plain = new TrainingOptions(3, 0.01, Loss.CrossEntropy);
        yield return Case("sgd-nesterov-dampening-0", plain with { Optimizer = Optimizer.Sgd(0.9, nesterov: true, weightDecay: 1e-4) });
        yield return Case("sgd-dampening", plain with { Optimizer = Optimizer.Sgd(0.9, dampening: 0.1) });
        yield return Case("adam-defaults", plain with { Optimizer = Optimizer.Adam() });
        yield return Case("adam-amsgrad-l2", plain with { Optimizer = Optimizer.Adam(0.8, 0.99, 1e-6, 0.01, amsgrad: true) });
        yield return Case("adamw-defaults", plain with { Optimizer = Optimizer.AdamW() });
        yield return Case("rmsprop-centered-momentum", plain with { Optimizer = Optimizer.RmsProp(0.9, 1e-7, 0.5, centered: true, weightDecay: 0.1) });
        yield return Case("mini-batch-shuffled-drop-last", plain with { Batch = BatchMode.MiniBatch, MiniBatch = new MiniBatch(3, true, 42, true) });
        yield return Case("mini-batch-in-order", plain with { Batch = BatchMode.MiniBatch, MiniBatch = new MiniBatch(2) });
        yield return Case("logged-cross-entropy", plain with { Logged = Logged.CrossEntropy });
        yield return Case("step-schedule", plain with { Optimizer = Optimizer.Sgd(0.9), Schedule = new Schedule(2, 0.5) });
    }

    [TestCaseSource(nameof(NewFields))]
    public void ReadRequest_NewFieldWrittenByRequest_IsReadBackAsWritten(TrainingOptions options)
    {
        var read = Read(TrainerProtocol.Request(Xor.Network(), options, Xor.Data, Initial));

        Assert.That(read.Options, Is.EqualTo(options with { Optimizer = options.Optim }));
    }

    [Test]
    public void Request_AdamW_WritesEveryHyperparameterWithTorchOptimsDefaultsAndNoSgdFields()
    {
        var training = TrainerProtocol.Request(Xor.Network(), new TrainingOptions(3, 0.01, Loss.Mse, Optimizer: Optimizer.AdamW()), Xor.Data, Initial)["training"]!;

        Assert.That(training["optimizer"]!.ToJsonString(), Is.EqualTo("""{"kind":"adamw","betas":[0.9,0.999],"eps":1E-08,"amsgrad":false,"weightDecay":0.01}"""));
        Assert.That(training.AsObject().ContainsKey("momentum") || training.AsObject().ContainsKey("weightDecay"), Is.False);
    }

    [Test]
    public void ReadRequest_TodaysRequestWithoutTheNewFields_MeansWhatItMeantBefore()
    {
        // A request as parity-trainer/1 trainers wrote it before these fields existed.
        var request = JsonNode.Parse("""
            {"protocol": "parity-trainer/1",
             "network": {"layers": [2, 5, 1], "activations": ["sigmoid", "sigmoid"], "bias": false},
             "training": {"epochs": 7, "learningRate": 0.3, "loss": "half-sse", "batch": "per-sample", "dtype": "float64",
                          "momentum": 0.5, "weightDecay": 0.01},
             "data": {"inputs": [[0, 0], [0, 1], [1, 0], [1, 1]], "targets": [[0], [1], [1], [0]]},
             "initialParameters": [{"name": "0.weight", "shape": [5, 2], "values": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]},
                                   {"name": "1.weight", "shape": [1, 5], "values": [0, 0, 0, 0, 0]}],
             "record": {"stepDetails": 2}}
            """)!.AsObject();

        var read = Read(request);

        Assert.That(read.Options, Is.EqualTo(new TrainingOptions(7, 0.3, Loss.HalfSse, DType.Float64, BatchMode.PerSample, new Optimizer(0.5, 0.01), 2)));
        Assert.That((read.Options.Optim.Kind, read.Options.MiniBatch, read.Options.Logged), Is.EqualTo((OptimizerKind.Sgd, (MiniBatch?)null, Logged.Mse)));
    }

    public static IEnumerable<TestCaseData> Malformed()
    {
        TestCaseData Case(string name, string field, string json, string says) => new TestCaseData(field, json, says).SetArgDisplayNames(name);
        yield return Case("unknown kind", "optimizer", """{"kind": "adagrad"}""", "$.training.optimizer.kind: unknown optimizer kind string \"adagrad\"; expected one of sgd, adam, adamw, rmsprop");
        yield return Case("no kind", "optimizer", """{"betas": [0.9, 0.999]}""", "$.training.optimizer: missing \"kind\"");
        yield return Case("not an object", "optimizer", "\"adam\"", "$.training.optimizer: expected an object { \"kind\", … }, found string \"adam\"");
        yield return Case("member of another kind", "optimizer", """{"kind": "adam", "momentum": 0.9}""", "$.training.optimizer.momentum: the adam optimizer takes no \"momentum\"; expected kind, betas, eps, weightDecay, amsgrad");
        yield return Case("one beta", "optimizer", """{"kind": "adam", "betas": [0.9]}""", "$.training.optimizer.betas: expected [beta1, beta2], found array [0.9]");
        yield return Case("beta of 1", "optimizer", """{"kind": "adamw", "betas": [0.9, 1]}""", "$.training.optimizer: betas[1] 1 is outside [0, 1), which torch.optim refuses");
        yield return Case("eps not a number", "optimizer", """{"kind": "rmsprop", "eps": "small"}""", "$.training.optimizer.eps: expected a number (or \"NaN\", \"Infinity\", \"-Infinity\"), found string \"small\"");
        yield return Case("eps NaN", "optimizer", """{"kind": "rmsprop", "eps": "NaN"}""", "$.training.optimizer.eps: expected a finite number, found string \"NaN\"");
        yield return Case("flag not a bool", "optimizer", """{"kind": "adam", "amsgrad": 1}""", "$.training.optimizer.amsgrad: expected true or false, found number 1");
        yield return Case("nesterov with dampening", "optimizer", """{"kind": "sgd", "momentum": 0.9, "dampening": 0.1, "nesterov": true}""", "$.training.optimizer: nesterov needs a momentum above 0 and no dampening, which torch.optim refuses");
        yield return Case("negative decay", "optimizer", """{"kind": "adamw", "weightDecay": -0.01}""", "$.training.optimizer: weightDecay -0.01 is negative, which torch.optim refuses");
        yield return Case("sgd field beside adam", "momentum", "0.9", "$.training.momentum: today's SGD field beside the adam optimizer of $.training.optimizer; give the optimizer once, in $.training.optimizer");
        yield return Case("mini-batch as a name", "batch", "\"mini-batch\"", "$.training.batch: unknown batch string \"mini-batch\"; expected \"full\", \"per-sample\" or { \"size\", \"shuffle\", \"seed\", \"dropLast\" }");
        yield return Case("no size", "batch", """{"shuffle": true}""", "$.training.batch: missing \"size\"");
        yield return Case("size 0", "batch", """{"size": 0}""", "$.training.batch.size: expected a whole number ≥ 1, found number 0");
        yield return Case("fractional size", "batch", """{"size": 2.5}""", "$.training.batch.size: expected a whole number ≥ 1, found number 2.5");
        yield return Case("negative seed", "batch", """{"size": 2, "seed": -1}""", "$.training.batch.seed: expected a whole number ≥ 0, found number -1");
        yield return Case("shuffle not a bool", "batch", """{"size": 2, "shuffle": "yes"}""", "$.training.batch.shuffle: expected true or false, found string \"yes\"");
        yield return Case("unknown batch member", "batch", """{"size": 2, "order": "random"}""", "$.training.batch.order: a mini-batch takes no \"order\"; expected size, shuffle, seed, dropLast");
        yield return Case("unknown logged", "logged", "\"ce\"", "$.training.logged: unknown logged quantity string \"ce\"; expected one of mse, cross-entropy");
        yield return Case("schedule not an object", "schedule", "\"step\"", "$.training.schedule: expected an object { \"kind\": \"step\", \"stepSize\", \"gamma\" }, found string \"step\"");
        yield return Case("unknown schedule kind", "schedule", """{"kind": "cosine", "stepSize": 2, "gamma": 0.5}""", "$.training.schedule.kind: unknown schedule kind string \"cosine\"; expected \"step\" (StepLR)");
        yield return Case("no step size", "schedule", """{"kind": "step", "gamma": 0.5}""", "$.training.schedule: missing \"stepSize\"");
        yield return Case("step size 0", "schedule", """{"kind": "step", "stepSize": 0, "gamma": 0.5}""", "$.training.schedule.stepSize: expected a whole number ≥ 1, found number 0");
        yield return Case("gamma 0", "schedule", """{"kind": "step", "stepSize": 2, "gamma": 0}""", "$.training.schedule.gamma: expected a finite number above 0, found number 0");
        yield return Case("unknown schedule member", "schedule", """{"kind": "step", "stepSize": 2, "gamma": 0.5, "lastEpoch": 3}""", "$.training.schedule.lastEpoch: a schedule takes no \"lastEpoch\"; expected kind, stepSize, gamma");
    }

    [TestCaseSource(nameof(Malformed))]
    public void ReadRequest_MalformedNewField_NamesThePlaceAndWhatIsExpected(string field, string json, string says)
    {
        var request = TrainerProtocol.Request(Xor.Network(), new TrainingOptions(3, 0.01, Loss.Mse, Optimizer: Optimizer.Adam()), Xor.Data, Initial);
        request["training"]![field] = JsonNode.Parse(json);

        var error = Assert.Throws<ProtocolException>(() => Read(request));

        Assert.That(error!.Message, Is.EqualTo(says));
    }

    private static TrainerProtocol.TrainerRequest Read(JsonObject request)
    {
        using var document = JsonDocument.Parse(request.ToJsonString());
        return TrainerProtocol.ReadRequest(document.RootElement);
    }
}
