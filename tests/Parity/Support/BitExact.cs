using System.Globalization;
using Parity.HandRolled.Model;

namespace Parity.Tests.Support;

/// <summary>
/// Bit-for-bit comparison of what was written with what was read back: every double by
/// <see cref="BitConverter.DoubleToInt64Bits"/> (so −0 ≠ +0), names and shapes exactly. Returns one line per
/// difference, for a property's label.
/// </summary>
internal static class BitExact
{
    public static List<string> Differences(TrainingTrace expected, TrainingTrace actual)
    {
        var differences = Values(expected.Losses, actual.Losses, "losses");
        if (expected.Steps.Count != actual.Steps.Count)
        {
            differences.Add($"steps: {expected.Steps.Count} written, {actual.Steps.Count} read");
        }

        foreach (var (written, read) in expected.Steps.Zip(actual.Steps))
        {
            if (written.Step != read.Step)
            {
                differences.Add($"step {written.Step} read as step {read.Step}");
            }

            differences.AddRange(Tensors(written.Gradients, read.Gradients, $"steps[{written.Step}].gradients"));
            differences.AddRange(Tensors(written.Parameters, read.Parameters, $"steps[{written.Step}].parameters"));
        }

        differences.AddRange(Tensors(expected.FinalParameters, actual.FinalParameters, "finalParameters"));
        return differences;
    }

    public static List<string> Tensors(IReadOnlyList<NamedTensor> expected, IReadOnlyList<NamedTensor> actual, string where)
    {
        if (expected.Count != actual.Count)
        {
            return [$"{where}: {expected.Count} tensors written, {actual.Count} read"];
        }

        var differences = new List<string>();
        foreach (var (written, read) in expected.Zip(actual))
        {
            if (written.Name != read.Name || !written.Shape.SequenceEqual(read.Shape))
            {
                differences.Add($"{where}: {written.Name} {written.ShapeText} read as {read.Name} {read.ShapeText}");
            }

            differences.AddRange(Values(written.Values, read.Values, $"{where}.{written.Name}"));
        }

        return differences;
    }

    public static List<string> Values(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string where)
    {
        if (expected.Count != actual.Count)
        {
            return [$"{where}: {expected.Count} values written, {actual.Count} read"];
        }

        return [.. Enumerable.Range(0, expected.Count)
            .Where(i => BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
            .Select(i => string.Create(
                CultureInfo.InvariantCulture,
                $"{where}[{i}]: wrote {expected[i]:G17} (0x{BitConverter.DoubleToInt64Bits(expected[i]):X16}), "
                + $"read {actual[i]:G17} (0x{BitConverter.DoubleToInt64Bits(actual[i]):X16})"))];
    }

    /// <summary>
    /// The same float bit for bit (−0 ≠ +0), except that any NaN matches any NaN: a NaN's payload is whatever the
    /// operations that carried it left, not a value either side computed.
    /// </summary>
    public static bool Same(float actual, float expected) =>
        BitConverter.SingleToInt32Bits(actual) == BitConverter.SingleToInt32Bits(expected) || (float.IsNaN(actual) && float.IsNaN(expected));
}
