using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Parity.HandRolled.Model;
using Parity.Harness.Bench;
using Parity.Harness.Reference;
using Parity.TorchReference;
using Parity.TorchReference.TorchSharp;
using Spectre.Console;

namespace Parity.Cli.Commands;

/// <summary>
/// <c>parity bench [--json]</c>: the hand-rolled engines, the PyTorch worker and TorchSharp on the same shapes, side by
/// side — the XOR epoch on every implementation, then one training step of [784, width, 10] as batch and width grow —
/// and the rate of <c>parity-trainer/1</c> responses.
/// </summary>
internal static class BenchCommand
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Command Create(Terminal terminal)
    {
        var json = new Option<bool>("--json") { Description = "Print the timings (seconds) as JSON instead of tables." };
        var python = CommonOptions.Python();
        var command = new Command("bench", "Time the hand-rolled engine against PyTorch and TorchSharp on the same shapes and print the ratios, then the protocol's rate.") { json, python };
        command.SetAction((parse, cancellation) => Failures.GuardAsync(terminal, parse.GetValue(json), null, async () =>
        {
            await using var harness = CommonOptions.Harness(ReferenceSource.Auto, parse.GetValue(python));
            TorchReferenceClient? torch = await harness.TorchAvailableAsync().ConfigureAwait(false)
                ? await harness.TorchAsync().ConfigureAwait(false)
                : null;
            var torchSharp = new TorchSharpReference();
            string torchSharpVersion;
            try
            {
                torchSharpVersion = torchSharp.Load().Version;
            }
            catch (TorchSharpUnavailableException error)
            {
                (torchSharp, torchSharpVersion) = (null, "");
                await terminal.Error.WriteLineAsync($"bench: TorchSharp is not available, its columns stay empty: {error.Message}").ConfigureAwait(false);
            }

            var progress = new Progress<string>(step => terminal.Error.WriteLine($"bench: {step}"));
            var report = await EngineBench.RunAsync(torch, torchSharp, progress, cancellation).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await terminal.Out.WriteLineAsync(JsonSerializer.Serialize(report, Indented)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            Write(terminal.Ansi, report, torch?.Info?.TorchVersion, torchSharp is null ? null : torchSharpVersion);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Write(IAnsiConsole console, BenchReport report, string? torchVersion, string? torchSharpVersion)
    {
        var torch = torchVersion is null ? "PyTorch not available" : $"PyTorch {torchVersion} with its default {report.TorchThreads} intra-op thread(s)";
        var torchSharp = torchSharpVersion is null ? "TorchSharp not available" : $"TorchSharp ({torchSharpVersion}) in process with libtorch's default {report.TorchSharpThreads} intra-op thread(s)";
        console.WriteLine($"Hand-rolled large products on {report.Blas}; {torch}; {torchSharp}; {Environment.ProcessorCount} cores. Each step is timed in {report.Rounds} rounds, every side back to back in each; the times are medians over the rounds, each ratio the median of the rounds' ratios.");

        var xor = new Table().Title(Markup.Escape("XOR [2, 5, 1] sigmoid float64, one full-batch epoch")).AddColumns("implementation", "µs / epoch", "× hand-rolled fast");
        void XorRow(string name, double? seconds) =>
            xor.AddRow(name, Micro(seconds), seconds is { } s ? Ratio(s / report.Xor.Fast) : "–");
        XorRow("hand-rolled fast (FastMlp)", report.Xor.Fast);
        XorRow("hand-rolled readable (Mlp, MathNet)", report.Xor.Readable);
        XorRow("numpy seed loop", report.Xor.Numpy);
        XorRow("PyTorch autograd + SGD (Python)", report.Xor.Torch);
        XorRow("TorchSharp autograd + SGD (libtorch in process)", report.Xor.TorchSharp);
        console.Write(xor);

        console.Write(Scaling("[784, 256, 10] float32, one SGD step, growing batch", report.ByBatch, "batch", s => s.Batch.ToString(CultureInfo.InvariantCulture)));
        console.Write(Scaling("[784, width, 10] float32, one SGD step, batch 256, growing width", report.ByWidth, "width", s => s.Width.ToString(CultureInfo.InvariantCulture)));
        console.Write(Scaling("[784, 256, 10] float32, one SGD step, batch 256, each hidden activation", report.ByActivation, "hidden", s => s.Hidden.Name()));
        console.Write(Scaling("[784, 256, 10] float32, one step, batch 256, sigmoid hidden, each loss and optimizer", report.ByTraining, "loss, optimizer", s => $"{s.Loss}, {s.Optimizer}"));

        var p = report.Protocol;
        var protocol = new Table().Title(Markup.Escape($"parity-trainer/1 response: {p.Numbers:N0} numbers ([784, 256, 10], two steps and the final parameters)"))
            .AddColumns("direction", "ms", "million numbers / s");
        protocol.AddRow("write (Utf8JsonWriter, round-trip)", Milli(p.WriteSeconds), Millions(p.WritePerSecond));
        protocol.AddRow("read (JsonDocument, checked)", Milli(p.ReadSeconds), Millions(p.ReadPerSecond));
        console.Write(protocol);
    }

    private static Table Scaling(string title, IReadOnlyList<StepTimes> rows, string what, Func<StepTimes, string> key)
    {
        var table = new Table().Title(Markup.Escape(title))
            .AddColumns(what, "hand-rolled ms", "PyTorch ms", "PyTorch / hand-rolled", "TorchSharp ms", "TorchSharp / hand-rolled");
        foreach (var row in rows)
        {
            table.AddRow(
                key(row),
                Milli(row.HandRolled),
                row.Torch is { } t ? Milli(t) : "–",
                row.Speedup is { } s ? Ratio(s) : "–",
                row.TorchSharp is { } ts ? Milli(ts) : "–",
                row.TorchSharpSpeedup is { } tss ? Ratio(tss) : "–");
        }

        return table;
    }

    private static string Millions(double perSecond) => (perSecond / 1e6).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Micro(double? seconds) => seconds is { } s ? (s * 1e6).ToString("0.###", CultureInfo.InvariantCulture) : "–";

    private static string Milli(double seconds) => (seconds * 1e3).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Ratio(double ratio) => ratio.ToString("0.##", CultureInfo.InvariantCulture) + "×";
}
