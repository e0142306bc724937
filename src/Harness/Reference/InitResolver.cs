using System.Text.Json;
using Parity.HandRolled.Init;
using Parity.HandRolled.Model;
using Parity.Harness.Scenarios;
using Parity.TorchReference;
using Parity.TorchReference.Protocol;

namespace Parity.Harness.Reference;

/// <summary>
/// The initial parameters of each side of a scenario: the side's own init if it overrides the shared one, else
/// the shared draw fitted to the side's network — biases the shared draw lacks start at zero, biases the side
/// lacks are dropped. PyTorch's default init needs a live reference; the others are drawn here as numpy draws them.
/// </summary>
internal static class InitResolver
{
    /// <summary>The side's initial parameters; PyTorch's default init drawn by <paramref name="torch"/>.</summary>
    public static async Task<IReadOnlyList<NamedTensor>> ResolveAsync(Scenario scenario, SideSpec side, ITorchReference torch, CancellationToken cancellation)
    {
        var network = scenario.NetworkOf(side);
        return side.Init is { } own
            ? await DrawAsync(own, network, scenario, torch, cancellation).ConfigureAwait(false)
            : Fit(await DrawAsync(scenario.Init, scenario.Network, scenario, torch, cancellation).ConfigureAwait(false), network);
    }

    internal static IReadOnlyList<NamedTensor> Fit(IReadOnlyList<NamedTensor> drawn, NetworkSpec network)
    {
        var byName = drawn.ToDictionary(t => t.Name);
        return [.. network.ParameterShapes().Select(s => byName.TryGetValue(s.Name, out var t)
            ? t
            : new NamedTensor(s.Name, s.Shape, new double[s.Shape.Aggregate(1, (a, b) => a * b)]))];
    }

    private static async Task<IReadOnlyList<NamedTensor>> DrawAsync(
        InitSpec init, NetworkSpec network, Scenario scenario, ITorchReference torch, CancellationToken cancellation) => init.From switch
        {
            InitSource.Torch => await torch.DefaultInitAsync(network, init.Seed, cancellation).ConfigureAwait(false),
            InitSource.Uniform01 => Initializers.Uniform01(network, init.Seed),
            InitSource.Glorot => Initializers.Glorot(network, init.Seed, init.Gain),
            InitSource.File => FromFile(init.Path!, network, scenario),
            _ => throw new ArgumentOutOfRangeException(nameof(init), init.From, null),
        };

    private static IReadOnlyList<NamedTensor> FromFile(string path, NetworkSpec network, Scenario scenario)
    {
        // The loader has resolved the path against the scenario file's folder and checked that it exists.
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return TensorCodec.Read(document.RootElement, network, "$");
        }
        catch (Exception error) when (error is IOException or JsonException or ProtocolException)
        {
            throw new ScenarioException(scenario.Source, "$.init.path", $"initial parameters in {path}: {error.Message}");
        }
    }
}
