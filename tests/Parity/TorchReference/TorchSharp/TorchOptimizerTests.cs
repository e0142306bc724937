using System.Runtime;
using NUnit.Framework;
using Parity.HandRolled.Model;
using Parity.Tests.HandRolled.Optimizers;
using Parity.TorchReference.TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Tests.TorchReference.TorchSharp;

/// <summary>
/// The reference's <see cref="TorchOptimizer"/> against TorchSharp 0.107's own <c>optim</c> classes, which it replaces
/// only because they leave their coefficients' Scalars to the garbage collector: the same libtorch operations in the same
/// order, so the same bits, for every variant ParameterOptimizerTests holds the hand-rolled optimizers to.
/// </summary>
[NonParallelizable]
public sealed class TorchOptimizerTests
{
    // Room for one run's managed allocations (25 steps of small tensors take well under 1 MB) and other fixtures'.
    private const long NoCollectionBudget = 64L << 20;
    private const int Attempts = 5;

    [TestCaseSource(typeof(ParameterOptimizerTests), nameof(ParameterOptimizerTests.Variants))]
    public void Step_EveryStep_EqualsTorchSharpsOptimBitForBit(Optimizer optimizer)
    {
        var (initial, gradients) = ParameterOptimizerTests.Draw(seed: 11);

        var ours = ParameterOptimizerTests.TorchOptim(optimizer, initial, gradients);
        var theirs = WithoutCollections(() => TorchSharpOptim(optimizer, initial, gradients));

        Assert.That(ours, Is.EqualTo(theirs), "parameters after every step; tolerance 0: the same operations in the same order");
    }

    private static double[][] TorchSharpOptim(Optimizer o, double[][] initial, double[][][] gradients)
    {
        NativeLoader.Ensure();
        using var scope = NewDisposeScope();
        var parameters = initial.Select((p, i) => new Parameter(tensor(p, ParameterOptimizerTests.Shapes[i], ScalarType.Float64))).ToArray();
        var rate = ParameterOptimizerTests.LearningRate;

        // Every hyperparameter passed explicitly: TorchSharp's optim.Adam defaults β2 to 0.99, not torch.optim's 0.999.
        using optim.Optimizer optimizer = o.Kind switch
        {
            OptimizerKind.Sgd => optim.SGD(parameters, rate, o.Momentum, o.Dampening, o.WeightDecay, o.Nesterov),
            OptimizerKind.Adam => optim.Adam(parameters, rate, o.Beta1, o.Beta2, o.Eps, o.WeightDecay, o.Amsgrad),
            OptimizerKind.AdamW => optim.AdamW(parameters, rate, o.Beta1, o.Beta2, o.Eps, o.WeightDecay, o.Amsgrad),
            _ => optim.RMSProp(parameters, rate, o.Alpha, o.Eps, o.WeightDecay, o.Momentum, o.Centered),
        };
        return ParameterOptimizerTests.Run(parameters, gradients, () => optimizer.step());
    }

    // TorchSharp's classes are safe only while no collection runs (one could finalise a Scalar libtorch is reading), so
    // the run is repeated until one completes with none; other fixtures allocate meanwhile, so it may take more than one.
    private static double[][] WithoutCollections(Func<double[][]> run)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (!GC.TryStartNoGCRegion(NoCollectionBudget))
            {
                continue;
            }

            var collections = GC.CollectionCount(0); // counted after the collection that starts the region

            double[][] result;
            try
            {
                result = run();
            }
            finally
            {
                if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
                {
                    GC.EndNoGCRegion();
                }
            }

            if (GC.CollectionCount(0) == collections)
            {
                return result;
            }
        }

        Assert.Inconclusive($"every one of {Attempts} runs of TorchSharp's optimizer met a garbage collection");
        return [];
    }
}
