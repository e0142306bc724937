using System.Globalization;
using Parity.HandRolled.Maths;
using Parity.HandRolled.Model;

namespace Parity.HandRolled;

/// <summary>
/// Whether the targets are what the loss and the logged quantity take: class indices — an (N, 1) column of whole
/// numbers 0…C−1, C the output's width, as <c>CrossEntropyLoss</c> and <c>NLLLoss</c> take them — for cross-entropy, NLL
/// and a logged cross-entropy; values in [0, 1] for BCE; otherwise rows of the output's width (which the engines check
/// as they compute).
/// </summary>
internal static class TargetCheck
{
    /// <summary>The width every target row must have: 1 for class indices, else the output's.</summary>
    public static int Width(NetworkSpec network, Loss loss) => loss.TakesClassIndices() ? 1 : network.Layers[^1];

    /// <summary>The targets of a training run: the loss's and the logged quantity's.</summary>
    /// <exception cref="ShapeException">The loss and the logged quantity take different targets, or <see cref="Check(NetworkSpec, Loss, IReadOnlyList{IReadOnlyList{double}})"/> fails.</exception>
    public static void Check(NetworkSpec network, TrainingOptions options, IReadOnlyList<IReadOnlyList<double>> targets)
    {
        var (loss, logged, classes) = (options.Loss, options.Logged, network.Layers[^1]);
        if (loss.TakesClassIndices() && logged == Logged.Mse)
        {
            throw new ShapeException(
                $"Loss {loss.Name()} takes class indices, an (N, 1) column, but the logged MSE compares the output's {classes} "
                + "columns with targets of that width: log cross-entropy with class-index targets.");
        }

        if (!loss.TakesClassIndices() && logged == Logged.CrossEntropy)
        {
            throw new ShapeException(
                $"The logged cross-entropy takes class indices, an (N, 1) column, but loss {loss.Name()} takes targets of the "
                + $"output's width ({classes}): train with cross-entropy or nll, or log mse.");
        }

        Check(network, loss, targets);
    }

    /// <summary>The targets of <paramref name="loss"/>.</summary>
    /// <exception cref="ShapeException">A label that is not a class index, or a BCE target outside [0, 1].</exception>
    public static void Check(NetworkSpec network, Loss loss, IReadOnlyList<IReadOnlyList<double>> targets)
    {
        if (loss.TakesClassIndices())
        {
            CheckClassIndices(loss, network.Layers[^1], targets);
        }
        else if (loss == Loss.Bce)
        {
            CheckProbabilities(targets);
        }
    }

    private static void CheckClassIndices(Loss loss, int classes, IReadOnlyList<IReadOnlyList<double>> targets)
    {
        for (var i = 0; i < targets.Count; i++)
        {
            if (targets[i].Count != 1)
            {
                throw new ShapeException(
                    $"Targets row {i} has {targets[i].Count} values, but loss {loss.Name()} takes class indices: one whole "
                    + $"number 0…{classes - 1} per row, an (N, 1) column, not one-hot or probability rows.");
            }

            var label = targets[i][0];
            if (!double.IsInteger(label) || label < 0 || label >= classes)
            {
                throw new ShapeException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Targets row {i}: {label:R} is not a class index of the output's {classes} "
                    + $"{(classes == 1 ? "class" : "classes")}, a whole number 0…{classes - 1}; loss {loss.Name()} takes one per row."));
            }
        }
    }

    private static void CheckProbabilities(IReadOnlyList<IReadOnlyList<double>> targets)
    {
        for (var i = 0; i < targets.Count; i++)
        {
            for (var j = 0; j < targets[i].Count; j++)
            {
                if (!(targets[i][j] is >= 0 and <= 1))
                {
                    throw new ShapeException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"Targets row {i}, column {j}: {targets[i][j]:R} lies outside [0, 1], where loss bce's targets must lie (nn.BCELoss refuses it too)."));
                }
            }
        }
    }
}
