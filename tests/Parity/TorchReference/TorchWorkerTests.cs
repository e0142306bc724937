using System.Text.Json.Nodes;
using NUnit.Framework;
using Parity.TorchReference.Worker;
using Parity.Tests.Support;

namespace Parity.Tests.TorchReference;

[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed partial class TorchWorkerTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);
    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("parity-worker-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Send_NoPython_SaysWhatWasTriedAndHowToInstall()
    {
        await using var worker = new TorchWorker(["/nonexistent/python3"]);

        var error = Assert.ThrowsAsync<TorchUnavailableException>(() => worker.SendAsync(Ping(), Generous));

        Assert.That(error!.Message, Does.Contain("/nonexistent/python3: not found").And.Contain("apt-get install python3-torch"));
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Send_PythonThatIsNotExecutable_SaysWhyItCannotStart()
    {
        var python = Script("python-not-executable", $"#!/bin/sh\nexec {AnyPython()} \"$@\"\n");
        File.SetUnixFileMode(python, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await using var worker = new TorchWorker([python]);

        var error = Assert.ThrowsAsync<TorchUnavailableException>(() => worker.SendAsync(Ping(), Generous));

        Assert.That(error!.Message, Does.Contain($"{python}: cannot be started: Permission denied"));
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Send_PythonStillOpenForWriting_StartsOnceItIsClosed()
    {
        // What a child forked while the script was written does until its exec: exec fails with "Text file busy".
        var python = PythonWithStubTorch();
        var writer = new FileStream(python, FileMode.Open, FileAccess.Write);
        var closed = Task.Delay(TimeSpan.FromMilliseconds(200)).ContinueWith(_ => writer.Dispose(), TaskScheduler.Default);
        await using var worker = new TorchWorker([python]);

        var answer = await worker.SendAsync(Idle(), Generous);
        await closed;

        Assert.That(answer.GetProperty("ok").GetBoolean(), Is.True);
        Assert.That(worker.Starts, Is.EqualTo(1));
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Send_PythonWithoutTorch_SaysTheImportFailedAndHowToInstall()
    {
        // A Python whose `import torch` fails: a fake torch package first on its path.
        Directory.CreateDirectory(Path.Combine(folder, "torch"));
        File.WriteAllText(Path.Combine(folder, "torch", "__init__.py"), "raise ImportError('No module named torch')\n");
        var python = Script("python-without-torch", $"#!/bin/sh\nPYTHONPATH='{folder}' exec {AnyPython()} \"$@\"\n");
        await using var worker = new TorchWorker([python]);

        var error = Assert.ThrowsAsync<TorchUnavailableException>(() => worker.SendAsync(Ping(), Generous));

        Assert.That(error!.Message, Does.Contain("cannot import torch: No module named torch").And.Contain("apt-get install python3-torch"));
    }

    [Test]
    public async Task Send_WorkerDiesMidRequest_QuotesStderrAndNextRequestStartsAFreshWorker()
    {
        await using var worker = new TorchWorker([PythonWithStubTorch()]);

        var error = Assert.ThrowsAsync<TorchWorkerException>(() => worker.SendAsync(new JsonObject { ["op"] = "crash" }, Generous));
        var after = await worker.SendAsync(Idle(), Generous);

        Assert.That(error!.Message, Does.Contain("exited with code 9").And.Contain("worker asked to crash"));
        Assert.That(after.GetProperty("ok").GetBoolean(), Is.True);
        Assert.That(worker.Starts, Is.EqualTo(2));
    }

    [Test]
    public async Task Send_PastTimeout_KillsTheWorkerAndNextRequestStartsAFreshOne()
    {
        await using var worker = new TorchWorker([PythonWithStubTorch()]);
        var started = DateTime.UtcNow;

        var error = Assert.ThrowsAsync<TorchWorkerException>(
            () => worker.SendAsync(new JsonObject { ["op"] = "sleep", ["seconds"] = 120 }, TimeSpan.FromSeconds(0.2)));
        var waited = DateTime.UtcNow - started;
        var after = await worker.SendAsync(Idle(), Generous);

        Assert.That(error!.Message, Does.Contain("did not answer within 0.2 s"));
        Assert.That(waited, Is.LessThan(TimeSpan.FromSeconds(30)), "the request ends at its timeout, not the sleep's");
        Assert.That(after.GetProperty("ok").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Send_MalformedResponse_IsAClearError()
    {
        var script = Path.Combine(folder, "garbage_worker.py");
        File.WriteAllText(script, """
            import json, sys
            print(json.dumps({"hello": "parity-torch-worker/1", "ok": True, "torch": "0", "python": "3"}), flush=True)
            for line in sys.stdin:
                print("this is { not json", flush=True)
            """);
        await using var worker = new TorchWorker([AnyPython()], script);

        var error = Assert.ThrowsAsync<TorchWorkerException>(() => worker.SendAsync(Ping(), Generous));

        Assert.That(error!.Message, Does.Contain("not JSON").And.Contain("this is { not json"));
    }

    [Test]
    public async Task Send_WorkerReportsAnError_NamesTheRequestAndKeepsTheWorker()
    {
        await using var worker = new TorchWorker([PythonWithStubTorch()]);

        var error = Assert.ThrowsAsync<TorchWorkerException>(() => worker.SendAsync(new JsonObject { ["op"] = "nonsense" }, Generous));
        await worker.SendAsync(Idle(), Generous);

        Assert.That(error!.Message, Does.Contain("'nonsense'").And.Contain("unknown op"));
        Assert.That(worker.Starts, Is.EqualTo(1));
    }

    // A request the worker answers without touching torch: what the process-handling tests send on a stub.
    private static JsonObject Idle() => new() { ["op"] = "sleep", ["seconds"] = 0 };

    /// <summary>
    /// The real worker script on a Python whose torch is a stub (a version and the thread calls): the tests of how the
    /// client starts, times out, loses and restarts its worker need no real PyTorch, whose import alone takes a second.
    /// </summary>
    private string PythonWithStubTorch()
    {
        var stub = Directory.CreateDirectory(Path.Combine(folder, "stub", "torch")).FullName;
        File.WriteAllText(Path.Combine(stub, "__init__.py"), "__version__ = '0.0+stub'\n\ndef get_num_threads():\n    return 1\n\ndef set_num_threads(n):\n    pass\n");
        return Script("python-with-stub-torch", $"#!/bin/sh\nPYTHONPATH='{Path.GetDirectoryName(stub)}' exec {AnyPython()} \"$@\"\n");
    }

    private static JsonObject Ping() => new()
    {
        ["op"] = "init",
        ["network"] = new JsonObject { ["layers"] = new JsonArray(1, 1), ["activations"] = new JsonArray("identity"), ["bias"] = false },
    };

    private static string AnyPython()
    {
        Requires.Python();
        return Requires.SystemPython;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private string Script(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
