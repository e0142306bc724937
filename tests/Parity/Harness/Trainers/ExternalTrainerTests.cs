using System.Diagnostics;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Parity.HandRolled;
using Parity.HandRolled.Init;
using Parity.HandRolled.Model;
using Parity.Harness.Trainers;
using Parity.Tests.Support;
using Parity.TorchReference.Protocol;

namespace Parity.Tests.Harness.Trainers;

/// <summary>
/// Every way an external trainer can fail — exit code, stdout, the response's content, its size, its time — ends in a
/// <see cref="TrainerException"/> that says what went wrong and quotes the trainer's stderr, and leaves no process of
/// it running.
/// </summary>
[Parallelizable(ParallelScope.All)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ExternalTrainerTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);
    private static readonly NetworkSpec Network = Xor.Network();
    private static readonly TrainingOptions Options = new(Epochs: 3, LearningRate: 0.3, Loss.HalfSse, StepDetails: 2);
    private static readonly IReadOnlyList<NamedTensor> Initial = Initializers.Uniform01(Network, seed: 0);
    private readonly FakeTrainers trainers = new();

    [TearDown]
    public void DeleteFolder() => trainers.Dispose();

    /// <summary>A correct response for <see cref="Options"/>, edited into a wrong one; and what the error must say.</summary>
    public static IEnumerable<TestCaseData> WrongResponses()
    {
        static TestCaseData Case(string name, Func<JsonObject, string> stdout, string says) =>
            new TestCaseData(stdout, says).SetArgDisplayNames(name);
        static string Edit(JsonObject r, Action<JsonObject> edit)
        {
            edit(r);
            return r.ToJsonString();
        }

        JsonArray Losses(JsonObject r) => r["losses"]!.AsArray();
        JsonArray Steps(JsonObject r) => r["steps"]!.AsArray();
        JsonArray Final(JsonObject r) => r["finalParameters"]!.AsArray();

        yield return Case("garbage", _ => "Traceback (most recent call last):\n  File \"train.py\", line 1\n", "is not one JSON document (line 1, byte 1");
        yield return Case("partial JSON", r => r.ToJsonString()[..200], "is not one JSON document");
        yield return Case("two documents", r => r.ToJsonString() + "\n" + r.ToJsonString(), "is not one JSON document (line 2");
        yield return Case("bare NaN", r => Edit(r, r => Losses(r)[1] = "@nan@").Replace("\"@nan@\"", "NaN", StringComparison.Ordinal),
            "printed NaN (line 1, byte ");
        yield return Case("bare -Infinity", r => Edit(r, r => Final(r)[0]!["values"]![3] = "@inf@").Replace("\"@inf@\"", "-Infinity", StringComparison.Ordinal),
            "printed -Infinity");
        yield return Case("not an object", _ => "[0.25, 0.24, 0.23]", "$: expected a JSON object, found array");
        yield return Case("no losses", r => Edit(r, r => r.Remove("losses")), "$: missing \"losses\"");
        yield return Case("too few losses", r => Edit(r, r => Losses(r).RemoveAt(2)), "$.losses: 2 losses, expected one per epoch (3)");
        yield return Case("too many losses", r => Edit(r, r => Losses(r).Add(0.1)), "$.losses: 4 losses, expected one per epoch (3)");
        yield return Case("loss as text", r => Edit(r, r => Losses(r)[0] = "0.25"), "$.losses[0]: expected a number (or \"NaN\", \"Infinity\", \"-Infinity\"), found string \"0.25\"");
        yield return Case("loss null", r => Edit(r, r => Losses(r)[2] = null), "$.losses[2]: expected a number");
        yield return Case("too few steps", r => Edit(r, r => Steps(r).RemoveAt(1)), "$.steps: 1 steps, expected 2");
        yield return Case("too many steps", r => Edit(r, r => Steps(r).Add(Steps(r)[1]!.DeepClone())), "$.steps: 3 steps, expected 2");
        yield return Case("step numbered NaN", r => Edit(r, r => Steps(r)[1]!["step"] = "NaN"), "$.steps[1].step: expected 1 (steps in update order, from 0), found string \"NaN\"");
        yield return Case("steps out of order", r => Edit(r, r => Steps(r)[0]!["step"] = 1), "$.steps[0].step: expected 0");
        yield return Case("wrong parameter name", r => Edit(r, r => Final(r)[0]!["name"] = "layer0.weight"),
            "$.finalParameters[0].name: unexpected parameter \"layer0.weight\"; expected 0.weight, 1.weight");
        yield return Case("transposed shape", r => Edit(r, r => Final(r)[0]!["shape"] = new JsonArray(2, 5)),
            "$.finalParameters[0].shape: 0.weight has shape (2, 5), expected (5, 2) in PyTorch layout (out, in)");
        yield return Case("NaN in a shape", r => Edit(r, r => Final(r)[0]!["shape"] = new JsonArray("NaN", 2)),
            "$.finalParameters[0].shape[0]: expected a whole number ≥ 0, found string \"NaN\"");
        yield return Case("fraction in a shape", r => Edit(r, r => Final(r)[0]!["shape"] = new JsonArray(5.5, 2)),
            "$.finalParameters[0].shape[0]: expected a whole number ≥ 0, found number 5.5");
        yield return Case("too few values", r => Edit(r, r => Steps(r)[0]!["gradients"]![1]!["values"]!.AsArray().RemoveAt(0)),
            "$.steps[0].gradients[1].values: 1.weight has 4 values, expected 5");
        yield return Case("parameter missing", r => Edit(r, r => Final(r).RemoveAt(1)), "$.finalParameters: missing parameter(s) 1.weight");
        yield return Case("parameter twice", r => Edit(r, r => Final(r).Add(Final(r)[0]!.DeepClone())), "$.finalParameters[2].name: parameter \"0.weight\" appears twice");
    }

    [TestCaseSource(nameof(WrongResponses))]
    public void Train_WrongResponse_SaysWhatIsWrongAndQuotesStderr(Func<JsonObject, string> stdout, string says)
    {
        var trainer = trainers.Printing(stdout(GoodResponse()));

        var error = Assert.ThrowsAsync<TrainerException>(() => TrainAsync(trainer));

        Assert.That(error!.Message, Does.Contain(says).And.Contain($"Its stderr:\n  {FakeTrainers.Diagnostics}"));
    }

    [Test]
    public async Task Train_NonFiniteLossesAsStrings_AreReadAsNaNAndInfinity()
    {
        // A diverging trainer's losses are legitimately NaN or infinite: the protocol carries them as strings.
        var response = GoodResponse();
        response["losses"] = new JsonArray(0.25, "Infinity", "NaN");

        var trace = await TrainAsync(trainers.Printing(response.ToJsonString()));

        Assert.That(trace.Losses, Is.EqualTo(new[] { 0.25, double.PositiveInfinity, double.NaN }));
        Assert.That(trace.FirstNonFiniteEpoch, Is.EqualTo(1));
    }

    [Test]
    public void Train_ExitsNonZero_SaysTheCodeAndQuotesStderr()
    {
        var trainer = $"{trainers.Printing("{}")}; echo 'ZeroDivisionError: float division by zero' >&2; exit 3";

        var error = Assert.ThrowsAsync<TrainerException>(() => TrainAsync(trainer));

        Assert.That(error!.Message, Does.Contain("exited with code 3.").And.Contain("ZeroDivisionError: float division by zero"));
    }

    [Test]
    [NonParallelizable] // it holds the thread pool's threads: another test's continuations would wait too
    public void Train_ExitsNonZeroWhileThePoolIsHeld_StillSaysTheCode()
    {
        // Every pool thread blocked for up to 3 s, as parallel trainings hold them. Read on the pool, the pipes' end of
        // file came after the 2 s grace, and the run was taken for one whose escaped child kept its stdout open.
        var trainer = $"{trainers.Printing("{}")}; echo 'ZeroDivisionError: float division by zero' >&2; exit 3";
        var released = false;
        ThreadPool.GetMinThreads(out var workers, out _);
        for (var i = 0; i < Math.Max(workers, ThreadPool.ThreadCount) + 8; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(
                _ =>
                {
                    var held = System.Diagnostics.Stopwatch.StartNew();
                    while (!Volatile.Read(ref released) && held.Elapsed < TimeSpan.FromSeconds(3))
                    {
                        Thread.Sleep(10);
                    }
                },
                null);
        }

        try
        {
            var error = Assert.ThrowsAsync<TrainerException>(() => TrainAsync(trainer));

            Assert.That(error!.Message, Does.Contain("exited with code 3.").And.Contain("ZeroDivisionError: float division by zero"));
        }
        finally
        {
            Volatile.Write(ref released, true);
        }
    }

    [Test]
    public void Train_KilledBySignal_SaysWhichSignal()
    {
        var error = Assert.ThrowsAsync<TrainerException>(() => TrainAsync($"echo '{FakeTrainers.Diagnostics}' >&2; kill -KILL $$"));

        Assert.That(error!.Message, Does.Contain("exited with code 137 (killed by signal 9)").And.Contain(FakeTrainers.Diagnostics));
    }

    [Test]
    public void Train_NoSuchProgram_QuotesTheShell()
    {
        var error = Assert.ThrowsAsync<TrainerException>(() => TrainAsync("/nonexistent/train --epochs 3"));

        Assert.That(error!.Message, Does.Contain("exited with code 127").And.Contain("/nonexistent/train: not found"));
    }

    [Test]
    public void Train_PrintsNothing_SaysSo()
    {
        var error = Assert.ThrowsAsync<TrainerException>(() => TrainAsync(trainers.Printing("\n  \n")));

        Assert.That(error!.Message, Does.Contain("printed nothing on stdout; it must print one JSON response").And.Contain(FakeTrainers.Diagnostics));
    }

    [Test]
    public void Train_NeverEndingOutput_IsKilledAtTheBoundNotTheTimeout()
    {
        var clock = Stopwatch.StartNew();

        var error = Assert.ThrowsAsync<TrainerException>(() => TrainAsync($"echo '{FakeTrainers.Diagnostics}' >&2; yes", outputLimit: 1 << 20));

        Assert.That(error!.Message, Does.Contain("printed more than 1 MiB on stdout and was killed").And.Contain(FakeTrainers.Diagnostics));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "stopped at the bound, not at the 60 s timeout");
    }

    [Test]
    public void Train_PastTimeout_KillsTheWholeTreeWithinSeconds()
    {
        var clock = Stopwatch.StartNew();

        var error = Assert.ThrowsAsync<TrainerException>(() => TrainAsync(trainers.Hanging(), TimeSpan.FromSeconds(0.5)));

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "ends within seconds of the 0.5 s timeout");
        Assert.That(error!.Message, Does.Contain("ran past its timeout of 0.5 s and was killed with its child processes").And.Contain(FakeTrainers.Diagnostics));
        Assert.That(trainers.Pids(), Has.Count.EqualTo(3));
        Assert.That(trainers.Pids().Where(FakeTrainers.IsRunning), Is.Empty, "the nested shell and both sleeps are killed");
    }

    [Test]
    public async Task Train_ChildLeftHoldingStdout_IsKilledAndTheAnswerRead()
    {
        var clock = Stopwatch.StartNew();

        var trace = await TrainAsync(trainers.LeavingAChildBehind(GoodResponse().ToJsonString()));

        Assert.That(trace.Losses, Has.Count.EqualTo(Options.Epochs));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "the answer is read when the trainer exits, not at the timeout");
        Assert.That(trainers.Pids().Where(FakeTrainers.IsRunning), Is.Empty, "the background child is killed");
    }

    [Test]
    public void Train_Cancelled_KillsTheWholeTree()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        Assert.That(() => TrainAsync(trainers.Hanging(), cancellation: cancel.Token), Throws.InstanceOf<OperationCanceledException>());

        Assert.That(trainers.Pids().Where(FakeTrainers.IsRunning), Is.Empty);
    }

    private static JsonObject GoodResponse() =>
        JsonNode.Parse(TrainerProtocol.Response(Trainer.Train(Network, Options, Initial, Xor.Data)))!.AsObject();

    private static Task<TrainingTrace> TrainAsync(
        string commandLine, TimeSpan? timeout = null, int outputLimit = ExternalTrainer.MaxOutputBytes, CancellationToken cancellation = default) =>
        new ExternalTrainer(commandLine, timeout ?? Generous) { OutputLimit = outputLimit }.TrainAsync(Network, Options, Xor.Data, Initial, cancellation);
}
