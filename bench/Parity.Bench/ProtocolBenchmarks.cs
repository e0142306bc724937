using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Parity.Harness.Bench;
using Parity.TorchReference.Protocol;

namespace Parity.Bench;

/// <summary>
/// <c>parity-trainer/1</c> responses of about a million numbers, written and read as the harness and the <c>trainer</c>
/// command do: the first steps and the final parameters of [784, 256, 10] (two steps, 1,017,750 numbers), and a run of
/// a million logged losses. The values are full-precision doubles (17 significant digits), the hardest to print.
/// Numbers per second = numbers ÷ the mean time; the contract asks for at least ten million.
/// </summary>
[MemoryDiagnoser]
public class ProtocolBenchmarks
{
    private ProtocolSample sample = null!;
    private byte[] text = null!;

    /// <summary>Which response.</summary>
    [Params("784-256-10", "losses")]
    public string Shape { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        sample = Shape == "losses" ? ProtocolSample.Losses(1_000_000) : ProtocolSample.Steps([784, 256, 10], 2);
        text = TrainerProtocol.Response(sample.Trace);
    }

    [Benchmark]
    public int Write() => TrainerProtocol.Response(sample.Trace).Length;

    [Benchmark]
    public int Read()
    {
        using var document = JsonDocument.Parse(text);
        return TrainerProtocol.ReadResponse(document.RootElement, sample.Network, sample.Options, sample.Samples).Losses.Count;
    }
}
