using System.Globalization;
using Parity.HandRolled.Model;

namespace Parity.Tests.Support;

/// <summary>A random trace, with the network and options it claims to come from.</summary>
/// <param name="Network">The architecture its parameters are named and shaped after.</param>
/// <param name="Options">Epochs, batch, dtype and step details: what a reader checks the trace against.</param>
/// <param name="Samples">N, which with per-sample batches sets how many updates there are.</param>
/// <param name="Trace">Losses, the first steps and the final parameters.</param>
public sealed record TraceCase(NetworkSpec Network, TrainingOptions Options, int Samples, TrainingTrace Trace)
{
    /// <summary>Every number of the trace.</summary>
    public IEnumerable<double> Values => ValuesOf(Trace);

    public override string ToString() => Describe(Network, Options, Samples, Trace, Values);

    /// <summary>Every number of a trace: losses, the steps' gradients and parameters, the final parameters.</summary>
    internal static IEnumerable<double> ValuesOf(TrainingTrace trace) =>
        trace.Losses
            .Concat(trace.Steps.SelectMany(s => s.Gradients.Concat(s.Parameters)).SelectMany(t => t.Values))
            .Concat(trace.FinalParameters.SelectMany(t => t.Values));

    /// <summary>One line for a counterexample: what it is and which hard values it holds.</summary>
    internal static string Describe(
        NetworkSpec network, TrainingOptions options, int samples, TrainingTrace trace, IEnumerable<double> values) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"[{string.Join(", ", network.Layers)}] {string.Join("/", network.Activations)}, bias {network.Bias}, "
            + $"{options.DType}, {options.Batch}, {options.Epochs} epochs, N = {samples}, {trace.Steps.Count} steps; "
            + $"{string.Join(", ", HardValueKinds.Of(values))}");
}
