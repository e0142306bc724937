using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Parity.Harness.Fixtures;
using Parity.TorchReference.Protocol;
using Parity.Tests.Support;

namespace Parity.Tests.Cli;

/// <summary>
/// <c>parity fixtures regenerate</c> killed with SIGKILL at random moments, on a copy of the repository's fixtures
/// (never the fixtures themselves): every fixture is afterwards, whole, either the old one or the new one;
/// <c>fixtures check</c> says which; and nothing left behind breaks the next run.
/// </summary>
public sealed class FixturesCommandTests
{
    private static readonly string[] Scenarios = ["xor-momentum", "xor-tanh"];
    private string root = "";

    private string Fixtures => Path.Combine(root, "fixtures");

    [SetUp]
    public async Task MakeFixtures()
    {
        // A repository of its own: the CLI takes the first folder holding Parity.sln above the current one as its root.
        // Two catalogue scenarios cut to 200 epochs, so that a regeneration is quick and a kill lands while it writes.
        await Live.TorchSharpAsync();
        root = Directory.CreateTempSubdirectory("parity-fixtures-").FullName;
        File.WriteAllText(Path.Combine(root, "Parity.sln"), "");
        Directory.CreateDirectory(Path.Combine(Fixtures, "scenarios"));
        var store = new FixtureStore(Fixtures);
        foreach (var name in Scenarios)
        {
            var path = Path.Combine(Fixtures, "scenarios", name + ".json");
            var text = File.ReadAllText(Path.Combine(Repository.Catalogue, name + ".json"));
            File.WriteAllText(path, Regex.Replace(text, "\"epochs\": [0-9]+", "\"epochs\": 200"));
            var scenario = Live.Harness.Load(path);
            store.Write(scenario, await Live.Harness.LiveFixtureAsync(scenario));
            MakeStale(Path.Combine(Fixtures, name, FixtureStore.LossesFile));
        }
    }

    [TearDown]
    public void DeleteCopy() => Directory.Delete(root, recursive: true);

    /// <summary>The default run: one kill, at a random moment while the fixtures are being written.</summary>
    [Test]
    public Task Regenerate_KilledWhileWriting_LeavesEachFixtureOldOrNewAndCheckSaysWhich() =>
        KillAndCheckAsync(new Random(20251126), [true]);

    /// <summary>
    /// The full sweep: six kills in a row, two anywhere in the run (most fall while PyTorch trains), four while
    /// fixtures are being written, each run starting on what the one before left, leftovers included.
    /// </summary>
    [Test]
    [Explicit("the full sweep, about 20 s; .ci/run runs it with --filter TestCategory=Slow")]
    [Category("Slow")]
    public Task Regenerate_KilledAtRandomMoments_LeavesEachFixtureOldOrNewAndCheckSaysWhich() =>
        KillAndCheckAsync(new Random(20251130), [false, true, true, false, true, true]);

    private async Task KillAndCheckAsync(Random random, bool[] moments)
    {
        var old = Scenarios.ToDictionary(s => s, s => Contents(Path.Combine(Fixtures, s)));
        var fresh = await NewFixturesAsync();
        var seen = new List<Dictionary<string, Dictionary<string, string>>>();
        var interrupted = new List<string>();

        foreach (var whileWriting in moments)
        {
            var delay = TimeSpan.FromMilliseconds(whileWriting ? random.Next(0, 100) : random.Next(0, 1500));
            interrupted.AddRange(await RegenerateKilledAsync(whileWriting, delay));
            seen.Add(Recovered());
        }

        var check = await CliRunner.RunInAsync(root, ["fixtures", "check", .. Scenarios]);

        foreach (var (state, round) in seen.Select((s, i) => (s, i)))
        {
            foreach (var scenario in Scenarios)
            {
                Assert.That(state[scenario], Is.EqualTo(old[scenario]).Or.EqualTo(fresh[scenario]),
                    $"after kill {round + 1}, {scenario} is neither the old fixture nor the new one, whole (the kills left: {string.Join(", ", interrupted)})");
            }
        }

        var stale = Scenarios.Where(s => seen[^1][s].SequenceEqual(old[s])).ToList();
        foreach (var scenario in Scenarios)
        {
            var isOld = stale.Contains(scenario);
            Assert.That(check.Out, Does.Contain(isOld ? $"differs         {scenario}: " : $"bit-exact       {scenario}: "),
                $"fixtures check on what the last kill left, where {scenario} is the {(isOld ? "old" : "new")} fixture");
        }

        Assert.That(check.Exit, Is.EqualTo(stale.Count > 0 ? 1 : 0), check.Out + check.Error);
        Assert.That(Directory.GetFileSystemEntries(Fixtures, ".*"), Is.Empty, "fixtures check recovered every leftover");
        TestContext.Out.WriteLine($"The kills left {(interrupted.Count == 0 ? "nothing" : string.Join(", ", interrupted))}; the last one {stale.Count} old fixture(s).");
    }

    /// <summary>What an uninterrupted regenerate writes: the live fixture, written by the same store, elsewhere.</summary>
    private async Task<Dictionary<string, Dictionary<string, string>>> NewFixturesAsync()
    {
        await Live.TorchSharpAsync();
        var store = new FixtureStore(Path.Combine(root, "new"));
        var fresh = new Dictionary<string, Dictionary<string, string>>();
        foreach (var name in Scenarios)
        {
            var scenario = Live.Harness.Load(Path.Combine(Fixtures, "scenarios", name + ".json"));
            store.Write(scenario, await Live.Harness.LiveFixtureAsync(scenario));
            fresh[name] = Contents(store.FolderOf(name));
        }

        return fresh;
    }

    /// <summary>
    /// Starts <c>parity fixtures regenerate</c> as a process of its own and kills it (SIGKILL, with its PyTorch workers)
    /// <paramref name="delay"/> after it started — or after it started writing a fixture; returns what it left in fixtures/.
    /// </summary>
    private async Task<IReadOnlyList<string>> RegenerateKilledAsync(bool whileWriting, TimeSpan delay)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { typeof(Parity.Cli.Terminal).Assembly.Location, "fixtures", "regenerate" }.Concat(Scenarios))
        {
            start.ArgumentList.Add(argument);
        }

        // Leftovers of the run before are still there: only a .NAME.new created by this run says it is writing.
        using var watcher = new FileSystemWatcher(Fixtures, ".*.new") { NotifyFilter = NotifyFilters.DirectoryName };
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Created += (_, _) => writing.TrySetResult();
        watcher.EnableRaisingEvents = true;
        using var process = Process.Start(start)!;
        var drained = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        if (whileWriting)
        {
            await Task.WhenAny(writing.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        }

        await Task.Delay(delay);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await drained;
        return [.. Directory.GetFileSystemEntries(Fixtures, ".*").Select(Path.GetFileName).Select(n => n!)];
    }

    /// <summary>Each fixture as the next fixture operation will find it: recovered, on a copy, so the leftovers stay for the next run.</summary>
    private Dictionary<string, Dictionary<string, string>> Recovered()
    {
        var copy = Path.Combine(root, "recovered");
        Copy(Fixtures, copy);
        try
        {
            var store = new FixtureStore(copy);
            return Scenarios.ToDictionary(s => s, s =>
            {
                store.Recover(s);
                return Contents(store.FolderOf(s));
            });
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    // A fixture's files and their text; a missing folder is empty, which is neither old nor new.
    private static Dictionary<string, string> Contents(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToDictionary(f => Path.GetFileName(f), File.ReadAllText)
            : [];

    // The old fixture: PyTorch's, with the last loss 1 % off, as an out-of-date fixture would be; fixtures check fails it.
    private static void MakeStale(string losses)
    {
        var lines = File.ReadAllLines(losses);
        var last = lines[^1].Split(',');
        lines[^1] = $"{last[0]},{RoundTrip.Format(1.01 * double.Parse(last[1], CultureInfo.InvariantCulture))}";
        File.WriteAllText(losses, string.Join('\n', lines) + "\n");
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
