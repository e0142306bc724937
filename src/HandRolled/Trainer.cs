using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Parity.HandRolled.Maths;
using Parity.HandRolled.Model;

namespace Parity.HandRolled;

/// <summary>Trains the hand-rolled MLP and records what the harness compares.</summary>
public static partial class Trainer
{
    /// <summary>
    /// Trains from <paramref name="initialParameters"/> (contract layout) for <c>options.Epochs</c> epochs.
    /// The logged loss of each epoch is the true MSE of its forward pass before its update (per-sample: the mean
    /// over the epoch of each sample's MSE before its update). A NaN or infinity does not stop training: the
    /// trace carries it.
    /// </summary>
    /// <exception cref="ShapeException">The data or the parameters do not fit the network.</exception>
    public static TrainingTrace Train(
        NetworkSpec network, TrainingOptions options, IReadOnlyList<NamedTensor> initialParameters, Dataset data) =>
        Train(network, options, initialParameters, data, Engine.Fast);

    /// <summary>
    /// <see cref="Train(NetworkSpec, TrainingOptions, IReadOnlyList{NamedTensor}, Dataset)"/> on a chosen engine. The
    /// fast engine applies whenever the data fit the network; otherwise the readable one runs and says why not.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="options">How to train.</param>
    /// <param name="initialParameters">In the contract's layout.</param>
    /// <param name="data">The samples.</param>
    /// <param name="engine">The fast engine (the default) or the readable reference.</param>
    /// <param name="blas">Where the fast engine's large products run; <see cref="Blas.Default"/> when null.</param>
    /// <exception cref="ShapeException">The data or the parameters do not fit the network.</exception>
    public static TrainingTrace Train(
        NetworkSpec network,
        TrainingOptions options,
        IReadOnlyList<NamedTensor> initialParameters,
        Dataset data,
        Engine engine,
        Blas? blas = null) =>
        (options.DType, engine == Engine.Fast && FastApplies(network, data)) switch
        {
            (DType.Float32, true) => TrainFast<float>(network, options, initialParameters, data, blas ?? Blas.Default),
            (_, true) => TrainFast<double>(network, options, initialParameters, data, blas ?? Blas.Default),
            (DType.Float32, false) => Train<float>(network, options, initialParameters, data),
            _ => Train<double>(network, options, initialParameters, data),
        };

    /// <summary>
    /// The gradients of <paramref name="loss"/> at <paramref name="parameters"/> on the whole data set, in
    /// float64: what the reference would compute at a trainer's own parameters.
    /// </summary>
    public static IReadOnlyList<NamedTensor> Gradients(
        NetworkSpec network, Loss loss, IReadOnlyList<NamedTensor> parameters, Dataset data)
    {
        var mlp = new Mlp<double>(network, parameters);
        var (x, y) = ToMatrices<double>(data);
        return mlp.Backward(mlp.Forward(x), y, loss).ToTensors();
    }

    /// <summary>The loss value at <paramref name="parameters"/> on the whole data set, in float64.</summary>
    public static double LossValue(NetworkSpec network, Loss loss, IReadOnlyList<NamedTensor> parameters, Dataset data)
    {
        var mlp = new Mlp<double>(network, parameters);
        var (x, y) = ToMatrices<double>(data);
        return LossFunctions.Value(loss, mlp.Predict(x), y);
    }

    private static TrainingTrace Train<T>(
        NetworkSpec network, TrainingOptions options, IReadOnlyList<NamedTensor> initialParameters, Dataset data)
        where T : struct, IFloatingPointIeee754<T>
    {
        var mlp = new Mlp<T>(network, initialParameters);
        var (x, y) = ToMatrices<T>(data);
        var batches = options.Batch == BatchMode.Full
            ? [(x, y)]
            : Enumerable.Range(0, x.RowCount)
                .Select(i => (x.SubMatrix(i, 1, 0, x.ColumnCount), y.SubMatrix(i, 1, 0, y.ColumnCount)))
                .ToArray();

        var losses = new double[options.Epochs];
        var steps = new List<StepRecord>();
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var logged = 0.0;
            foreach (var (input, target) in batches)
            {
                var forward = mlp.Forward(input);
                logged += double.CreateChecked(LossFunctions.Mse(forward.Layers[^1], target));
                var gradients = mlp.Backward(forward, target, options.Loss);
                mlp.Update(gradients, options.LearningRate, options.Optim);
                if (steps.Count < options.StepDetails)
                {
                    steps.Add(new StepRecord(steps.Count, gradients.ToTensors(), mlp.Parameters()));
                }
            }

            losses[epoch] = logged / batches.Length;
        }

        return new TrainingTrace(losses, steps, mlp.Parameters());
    }

    private static (Matrix<T> X, Matrix<T> Y) ToMatrices<T>(Dataset data)
        where T : struct, IFloatingPointIeee754<T>
    {
        if (data.Inputs.Count != data.Targets.Count)
        {
            throw new ShapeException(
                $"Data: {data.Inputs.Count} input rows but {data.Targets.Count} target rows; each sample needs both.");
        }

        return (ToMatrix<T>(data.Inputs, "inputs"), ToMatrix<T>(data.Targets, "targets"));
    }

    private static Matrix<T> ToMatrix<T>(IReadOnlyList<IReadOnlyList<double>> rows, string what)
        where T : struct, IFloatingPointIeee754<T>
    {
        var width = rows.Count == 0 ? 0 : rows[0].Count;
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Count != width)
            {
                throw new ShapeException($"Data: {what} row {i} has {rows[i].Count} values where row 0 has {width}.");
            }
        }

        return Matrix<T>.Build.Dense(rows.Count, width, (i, j) => T.CreateChecked(rows[i][j]));
    }
}
