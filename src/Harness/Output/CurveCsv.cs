using CsvHelper;
using Parity.Harness.Running;
using Parity.TorchReference.Protocol;

namespace Parity.Harness.Output;

/// <summary>The curves of a comparison, every epoch: <c>epoch, handRolled, torch, difference</c> (hand-rolled − PyTorch).</summary>
public static class CurveCsv
{
    /// <summary>The columns.</summary>
    public static IReadOnlyList<string> Header { get; } = ["epoch", "handRolled", "torch", "difference"];

    /// <summary>The CSV text, LF line ends, numbers round-trip.</summary>
    public static string Text(ScenarioResult result)
    {
        using var text = new StringWriter();
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default with { NewLine = "\n" }))
        {
            csv.WriteHeader([.. Header]);
            var hand = result.HandRolled.Losses;
            var torch = result.Reference.Torch.Losses;
            for (var e = 0; e < torch.Count; e++)
            {
                csv.WriteRecord([e.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    RoundTrip.Format(hand[e]), RoundTrip.Format(torch[e]), RoundTrip.Format(hand[e] - torch[e])]);
            }
        }

        return text.ToString();
    }
}
