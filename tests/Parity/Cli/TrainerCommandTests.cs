using System.Text.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Parity.Cli;
using Parity.HandRolled;
using Parity.HandRolled.Model;
using Parity.Tests.Support;
using Parity.TorchReference.Protocol;

namespace Parity.Tests.Cli;

/// <summary><c>parity trainer</c>: the built-in model behind <c>parity-trainer/1</c>, with the request's new fields.</summary>
public sealed class TrainerCommandTests
{
    private static readonly TrainingOptions Options = new(50, 0.3, Loss.HalfSse, Optimizer: new Optimizer(Momentum: 0.5), StepDetails: 3);

    [Test]
    public async Task Trainer_Request_AnswersTheEnginesTraceBitForBit()
    {
        var (exit, output, error) = await RunAsync(Request());

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), error);
        using var document = JsonDocument.Parse(output);
        var read = TrainerProtocol.ReadResponse(document.RootElement, Xor.Network(), Options, Xor.Data.Count);
        Assert.That(BitExact.Differences(Trainer.Train(Xor.Network(), Options, Initial(), Xor.Data), read), Is.Empty);
    }

    [Test]
    public async Task Trainer_RequestWithoutTheNewFields_AnswersAsWithThemSayingTodaysTraining()
    {
        // The writer states the optimizer, the batch and the logged quantity; a request of before did not.
        var legacy = Request();
        legacy["training"]!.AsObject().Remove("optimizer");
        legacy["training"]!.AsObject().Remove("logged");

        var (_, withFields, _) = await RunAsync(Request());
        var (exit, without, error) = await RunAsync(legacy);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), error);
        Assert.That(without, Is.EqualTo(withFields));
    }

    [Test]
    public async Task Trainer_MalformedMiniBatch_ExitsTwoNamingThePlaceAndPrintsNothing()
    {
        var request = Request();
        request["training"]!["batch"] = JsonNode.Parse("""{"size": 0, "shuffle": true}""");

        var (exit, output, error) = await RunAsync(request);

        Assert.That(exit, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain("$.training.batch.size: expected a whole number ≥ 1, found number 0"));
    }

    private static IReadOnlyList<NamedTensor> Initial() => Parity.HandRolled.Init.Initializers.Uniform01(Xor.Network(), seed: 0);

    private static JsonObject Request() => TrainerProtocol.Request(Xor.Network(), Options, Xor.Data, Initial());

    private static Task<(int Exit, string Out, string Error)> RunAsync(JsonObject request) =>
        RunWithInputAsync(request.ToJsonString());

    private static async Task<(int Exit, string Out, string Error)> RunWithInputAsync(string input)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliRunner.RunInAsync(Repository.Root, Terminal.Capture(output, error, new StringReader(input)), "trainer");
        return (exit, output.ToString(), error.ToString());
    }
}
