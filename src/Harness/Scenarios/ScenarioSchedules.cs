using System.Globalization;
using Parity.HandRolled.Model;

namespace Parity.Harness.Scenarios;

/// <summary>A side's learning-rate <c>schedule</c> in words, for explain, the diagnosis and the summaries.</summary>
internal static class ScenarioSchedules
{
    /// <summary>E.g. <c>is multiplied by 0.5 every 3 epochs (StepLR)</c>, or <c>is constant</c>.</summary>
    public static string Describe(Schedule? schedule) => schedule is null
        ? "is constant"
        : string.Create(CultureInfo.InvariantCulture, $"is multiplied by {schedule.Gamma:G6} every {Epochs(schedule)} (StepLR)");

    /// <summary>E.g. <c> ×0.5 every 200 epochs</c>, to follow a learning rate; empty for a constant one.</summary>
    public static string Suffix(Schedule? schedule) => schedule is null
        ? ""
        : string.Create(CultureInfo.InvariantCulture, $" ×{schedule.Gamma:G6} every {Epochs(schedule)}");

    private static string Epochs(Schedule schedule) =>
        string.Create(CultureInfo.InvariantCulture, $"{schedule.StepSize} epoch{(schedule.StepSize == 1 ? "" : "s")}");
}
