using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Parity.HandRolled.Maths;
using Parity.HandRolled.Model;

namespace Parity.HandRolled;

/// <summary>Trains the hand-rolled MLP and records what the harness compares.</summary>
public static partial class Trainer
{
    /// <summary>
    /// Trains from <paramref name="initialParameters"/> (contract layout) for <c>options.Epochs</c> epochs, each epoch's
    /// updates on the batches of <see cref="BatchOrder"/>. The logged value of an epoch is the mean over its updates of
    /// each one's <see cref="TrainingOptions.Logged"/> quantity before it (true MSE by default; full batch: the epoch's
    /// forward pass). A NaN or infinity does not stop training: the trace carries it.
    /// </summary>
    /// <exception cref="ShapeException">The data or the parameters do not fit the network, or the targets the loss.</exception>
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
    /// <exception cref="ShapeException">The data or the parameters do not fit the network, or the targets the loss.</exception>
    public static TrainingTrace Train(
        NetworkSpec network,
        TrainingOptions options,
        IReadOnlyList<NamedTensor> initialParameters,
        Dataset data,
        Engine engine,
        Blas? blas = null)
    {
        TargetCheck.Check(network, options, data.Targets);
        return (options.DType, engine == Engine.Fast && FastApplies(network, options.Loss, data)) switch
        {
            (DType.Float32, true) => TrainFast<float>(network, options, initialParameters, data, blas ?? Blas.Default),
            (_, true) => TrainFast<double>(network, options, initialParameters, data, blas ?? Blas.Default),
            (DType.Float32, false) => Train<float>(network, options, initialParameters, data),
            _ => Train<double>(network, options, initialParameters, data),
        };
    }

    /// <summary>
    /// The gradients of <paramref name="loss"/> at <paramref name="parameters"/> on the whole data set, in
    /// float64: what the reference would compute at a trainer's own parameters.
    /// </summary>
    public static IReadOnlyList<NamedTensor> Gradients(
        NetworkSpec network, Loss loss, IReadOnlyList<NamedTensor> parameters, Dataset data)
    {
        TargetCheck.Check(network, loss, data.Targets);
        var mlp = new Mlp<double>(network, parameters);
        var (x, y) = ToMatrices<double>(data);
        return mlp.Backward(mlp.Forward(x), y, loss).ToTensors();
    }

    /// <summary>The loss value at <paramref name="parameters"/> on the whole data set, in float64.</summary>
    public static double LossValue(NetworkSpec network, Loss loss, IReadOnlyList<NamedTensor> parameters, Dataset data)
    {
        TargetCheck.Check(network, loss, data.Targets);
        var mlp = new Mlp<double>(network, parameters);
        var (x, y) = ToMatrices<double>(data);
        return LossFunctions.Value(loss, mlp.Predict(x), y);
    }

    // The readable engine, as a numpy loop reads: for each batch, forward, log, backward, update.
    private static TrainingTrace Train<T>(
        NetworkSpec network, TrainingOptions options, IReadOnlyList<NamedTensor> initialParameters, Dataset data)
        where T : struct, IFloatingPointIeee754<T>
    {
        var mlp = new Mlp<T>(network, initialParameters);
        var (x, y) = ToMatrices<T>(data);
        var order = new BatchOrder(data.Count, options);
        var logged = options.Logged.Quantity();
        var rates = options.LearningRates();
        var losses = new double[options.Epochs];
        var steps = new List<StepRecord>();
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var batches = order.NextEpoch();
            var sum = 0.0;
            foreach (var rows in batches)
            {
                var (input, target) = (Rows(x, rows), Rows(y, rows));
                var forward = mlp.Forward(input);
                sum += double.CreateChecked(LossFunctions.Value(logged, forward.Layers[^1], target));
                var gradients = mlp.Backward(forward, target, options.Loss);
                mlp.Update(gradients, rates[epoch], options.Optim);
                if (steps.Count < options.StepDetails)
                {
                    steps.Add(new StepRecord(steps.Count, gradients.ToTensors(), mlp.Parameters()));
                }
            }

            losses[epoch] = sum / batches.Count;
        }

        return new TrainingTrace(losses, steps, mlp.Parameters());
    }

    // The batch's rows of m, in the batch's order; all of m when that is all of it in data order.
    private static Matrix<T> Rows<T>(Matrix<T> m, int[] rows)
        where T : struct, IFloatingPointIeee754<T> =>
        rows.Length == m.RowCount && rows.Select((r, i) => r == i).All(inOrder => inOrder)
            ? m
            : Matrix<T>.Build.Dense(rows.Length, m.ColumnCount, (i, j) => m[rows[i], j]);

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
