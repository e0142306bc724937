using NUnit.Framework;
using Parity.HandRolled;
using Parity.HandRolled.Init;
using Parity.HandRolled.Model;
using Parity.Tests.Support;

namespace Parity.Tests.HandRolled;

/// <summary>A shape mistake says which layer, which operation and both shapes (numpy only says "not aligned").</summary>
public sealed class MlpShapeTests
{
    private static readonly NetworkSpec Xor251 = NumpyReference.Network;
    private static readonly TrainingOptions OneEpoch = new(1, 0.3, Loss.HalfSse);

    [Test]
    public void Train_DataWidth50IntoXorNetwork_NamesLayerOperationAndBothShapes()
    {
        var wide = new Dataset(
            Enumerable.Range(0, 4).Select(_ => (IReadOnlyList<double>)new double[50]).ToArray(),
            NumpyReference.Xor.Targets);

        var error = Assert.Throws<ShapeException>(
            () => Trainer.Train(Xor251, OneEpoch, Initializers.Uniform01(Xor251, 0), wide));

        Assert.That(error!.Message, Does.Contain("Layer 0").And.Contain("0.weight"), "the layer");
        Assert.That(error.Message, Does.Contain("layer input · W"), "the operation");
        Assert.That(error.Message, Does.Contain("(4, 50)").And.Contain("(2, 5)"), "both shapes");
    }

    [Test]
    public void Gradients_TargetsWidth2ForOneOutput_NamesLossAndBothShapes()
    {
        var twoTargets = new Dataset(NumpyReference.Xor.Inputs, [[0.0, 1.0], [1.0, 0.0], [1.0, 0.0], [0.0, 1.0]]);

        var error = Assert.Throws<ShapeException>(
            () => Trainer.Gradients(Xor251, Loss.Mse, Initializers.Uniform01(Xor251, 0), twoTargets));

        Assert.That(error!.Message, Does.Contain("last layer"), "the layer");
        Assert.That(error.Message, Does.Contain("Loss Mse"), "the operation");
        Assert.That(error.Message, Does.Contain("(4, 1)").And.Contain("(4, 2)"), "both shapes");
    }

    [Test]
    public void Train_WeightInNumpyLayout_NamesParameterAndBothShapes()
    {
        // (in, out) = (2, 5) handed over where the contract says PyTorch's (out, in) = (5, 2).
        var initial = Initializers.Uniform01(Xor251, 0).ToArray();
        initial[0] = initial[0] with { Shape = [2, 5] };

        var error = Assert.Throws<ShapeException>(
            () => Trainer.Train(Xor251, OneEpoch, initial, NumpyReference.Xor));

        Assert.That(error!.Message, Does.Contain("0.weight"), "the parameter");
        Assert.That(error.Message, Does.Contain("Initial parameters"), "the operation");
        Assert.That(error.Message, Does.Contain("(2, 5)").And.Contain("(5, 2)"), "both shapes");
    }

    [Test]
    public void LossValue_ValueCountNotMatchingShape_NamesParameterAndCount()
    {
        var initial = Initializers.Uniform01(Xor251, 0).ToArray();
        initial[1] = initial[1] with { Values = [1.0, 2.0, 3.0] };

        var error = Assert.Throws<ShapeException>(
            () => Trainer.LossValue(Xor251, Loss.Mse, initial, NumpyReference.Xor));

        Assert.That(error!.Message, Does.Contain("1.weight").And.Contain("3 values").And.Contain("(1, 5)"));
    }

    [Test]
    public void Train_MissingParameter_NamesItAndItsShape()
    {
        var initial = Initializers.Uniform01(Xor251, 0).Take(1).ToArray();

        var error = Assert.Throws<ShapeException>(
            () => Trainer.Train(Xor251, OneEpoch, initial, NumpyReference.Xor));

        Assert.That(error!.Message, Does.Contain("1.weight").And.Contain("(1, 5)").And.Contain("missing"));
    }

    [Test]
    public void Train_BiasGivenToNetworkWithoutBias_NamesTheUnexpectedParameter()
    {
        var initial = Initializers.Uniform01(Xor251 with { Bias = true }, 0);

        var error = Assert.Throws<ShapeException>(
            () => Trainer.Train(Xor251, OneEpoch, initial, NumpyReference.Xor));

        Assert.That(error!.Message, Does.Contain("unexpected 0.bias, 1.bias"));
    }

    [Test]
    public void Train_FewerTargetRowsThanInputRows_SaysBothCounts()
    {
        var data = new Dataset(NumpyReference.Xor.Inputs, NumpyReference.Xor.Targets.Take(3).ToArray());

        var error = Assert.Throws<ShapeException>(
            () => Trainer.Train(Xor251, OneEpoch, Initializers.Uniform01(Xor251, 0), data));

        Assert.That(error!.Message, Does.Contain("4 input rows").And.Contain("3 target rows"));
    }

    [Test]
    public void Train_RaggedInputRow_NamesTheRow()
    {
        var data = new Dataset([[0.0, 0.0], [0.0, 1.0], [1.0], [1.0, 1.0]], NumpyReference.Xor.Targets);

        var error = Assert.Throws<ShapeException>(
            () => Trainer.Train(Xor251, OneEpoch, Initializers.Uniform01(Xor251, 0), data));

        Assert.That(error!.Message, Does.Contain("inputs row 2 has 1 values where row 0 has 2"));
    }
}
