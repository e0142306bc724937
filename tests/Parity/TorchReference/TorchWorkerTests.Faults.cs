using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Parity.TorchReference.Worker;

namespace Parity.Tests.TorchReference;

/// <summary>
/// A worker that is killed from outside, answers garbage or never greets: each request fails at once with a clear
/// error or succeeds on a fresh worker — none hangs. The worker here is a stand-in script that speaks the worker's
/// protocol without importing torch, so every fault costs milliseconds; the client cannot tell the difference.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class TorchWorkerTests
{
    // Greets as torch_worker.py does, writes its pid to a file, then answers each request line with REPLY
    // (a Python expression over `request`), or sleeps for the "sleep" op.
    private const string StandIn = """
        import json, os, sys, time
        open(sys.argv[1], "w").write(str(os.getpid()))
        print(json.dumps({"hello": "parity-torch-worker/1", "ok": True, "torch": "0", "python": "3"}), flush=True)
        for line in sys.stdin:
            request = json.loads(line)
            if request.get("op") == "sleep":
                time.sleep(request["seconds"])
            print(REPLY, flush=True)
        """;

    private const string Correct = """json.dumps({"id": request["id"], "ok": True})""";

    [Test]
    public async Task Send_WorkerKilledFromOutsideMidRequest_FailsAtOnceAndNextRequestStartsAFreshWorker()
    {
        await using var worker = StandInWorker(Correct);
        await worker.SendAsync(Ping(), Generous);
        var first = WorkerPid();
        var clock = Stopwatch.StartNew();
        var inFlight = worker.SendAsync(Sleep(120), Generous);

        await Task.Delay(200);
        Process.GetProcessById(first).Kill(); // SIGKILL
        var error = Assert.ThrowsAsync<TorchWorkerException>(() => inFlight);
        var failedAfter = clock.Elapsed;
        var after = await worker.SendAsync(Ping(), Generous);

        Assert.That(failedAfter, Is.LessThan(TimeSpan.FromSeconds(5)), "the request fails when the worker dies, not at its timeout");
        Assert.That(error!.Message, Does.Contain("exited with code 137 (killed by signal 9) while answering a request; the next request starts a fresh one"));
        Assert.That(after.GetProperty("ok").GetBoolean(), Is.True);
        Assert.That(worker.Starts, Is.EqualTo(2));
        Assert.That(WorkerPid(), Is.Not.EqualTo(first));
    }

    [Test]
    public async Task Send_WorkerKilledWhileIdle_NextRequestStartsAFreshWorker()
    {
        await using var worker = StandInWorker(Correct);
        await worker.SendAsync(Ping(), Generous);
        using (var idle = Process.GetProcessById(WorkerPid()))
        {
            idle.Kill();
            await idle.WaitForExitAsync();
        }

        var after = await worker.SendAsync(Ping(), Generous);

        Assert.That(after.GetProperty("ok").GetBoolean(), Is.True);
        Assert.That(worker.Starts, Is.EqualTo(2));
    }

    [TestCase("""json.dumps({"id": request["id"] + 1, "ok": True})""", "is not the response to request 1: {\"id\": 2", TestName = "{m}(another request's id)")]
    [TestCase("""json.dumps({"ok": True})""", "is not the response to request 1: {\"ok\": true}", TestName = "{m}(no id)")]
    [TestCase("""json.dumps([request["id"]])""", "is not the response to request 1: [1]", TestName = "{m}(an array)")]
    [TestCase("\"\"", "answered something that is not JSON", TestName = "{m}(an empty line)")]
    [TestCase("""'{"id": 1, "ok": tru'""", "answered something that is not JSON", TestName = "{m}(a cut line)")]
    public async Task Send_GarbageAnswer_IsAClearErrorAndNextRequestStartsAFreshWorker(string reply, string says)
    {
        await using var worker = StandInWorker(reply);

        var error = Assert.ThrowsAsync<TorchWorkerException>(() => worker.SendAsync(Ping(), Generous));
        Assert.ThrowsAsync<TorchWorkerException>(() => worker.SendAsync(Ping(), Generous));

        Assert.That(error!.Message, Does.Contain(says));
        Assert.That(worker.Starts, Is.EqualTo(2), "a worker that answered garbage is replaced");
    }

    [Test]
    public async Task Send_ErrorThatIsNotText_IsQuotedAndTheWorkerKept()
    {
        await using var worker = StandInWorker("""json.dumps({"id": request["id"], "ok": False, "error": {"code": 42}})""");

        var error = Assert.ThrowsAsync<TorchWorkerException>(() => worker.SendAsync(Ping(), Generous));

        Assert.That(error!.Message, Is.EqualTo("PyTorch could not run the 'init' request: {\"code\": 42}"));
        Assert.That(worker.Starts, Is.EqualTo(1));
    }

    [Test]
    public async Task Send_WorkerNeverGreets_GivesUpAtTheStartTimeout()
    {
        var script = Path.Combine(folder, "silent_worker.py");
        File.WriteAllText(script, "import time\ntime.sleep(60)\n");
        await using var worker = new TorchWorker([AnyPython()], script, TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        var error = Assert.ThrowsAsync<TorchUnavailableException>(() => worker.SendAsync(Ping(), Generous));

        Assert.That(error!.Message, Does.Contain($"{AnyPython()}: did not start within 0.2 s"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    private TorchWorker StandInWorker(string reply)
    {
        var script = Path.Combine(folder, "stand_in_worker.py");
        File.WriteAllText(script, StandIn.Replace("REPLY", reply, StringComparison.Ordinal));
        var python = Script("python-passing-a-pid-file", $"#!/bin/sh\nexec {AnyPython()} \"$@\" '{Path.Combine(folder, "pid")}'\n");
        return new TorchWorker([python], script);
    }

    private int WorkerPid() => int.Parse(File.ReadAllText(Path.Combine(folder, "pid")), CultureInfo.InvariantCulture);

    private static JsonObject Sleep(double seconds) => new() { ["op"] = "sleep", ["seconds"] = seconds };
}
