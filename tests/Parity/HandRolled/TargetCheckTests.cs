using NUnit.Framework;
using Parity.HandRolled;
using Parity.HandRolled.Init;
using Parity.HandRolled.Model;
using Parity.Tests.Support;

namespace Parity.Tests.HandRolled;

/// <summary>Targets that do not fit the loss are named: which row, what it holds, what the loss takes.</summary>
public sealed class TargetCheckTests
{
    private static readonly NetworkSpec Classifier = new([2, 4, 3], [Activation.Tanh, Activation.Identity], Bias: true);
    private static readonly TrainingOptions CrossEntropy = new(1, 0.1, Loss.CrossEntropy, Logged: Logged.CrossEntropy);

    [TestCase(3.0, "Targets row 2: 3 is not a class index of the output's 3 classes, a whole number 0…2")]
    [TestCase(-1.0, "Targets row 2: -1 is not a class index")]
    [TestCase(1.5, "Targets row 2: 1.5 is not a class index")]
    public void Train_CrossEntropyLabelThatIsNoClassIndex_NamesRowValueAndRange(double label, string expected)
    {
        var data = new Dataset(Xor.Data.Inputs, [[0.0], [1.0], [label], [2.0]]);

        var error = Assert.Throws<ShapeException>(() => Train(CrossEntropy, data));

        Assert.That(error!.Message, Does.StartWith(expected).And.Contain("loss cross-entropy"));
    }

    [Test]
    public void Train_CrossEntropyOneHotTargets_SaysItTakesOneClassIndexPerRow()
    {
        var data = new Dataset(Xor.Data.Inputs, [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 1.0, 0.0], [1.0, 0.0, 0.0]]);

        var error = Assert.Throws<ShapeException>(() => Train(CrossEntropy with { Loss = Loss.Nll }, data));

        Assert.That(error!.Message, Is.EqualTo(
            "Targets row 0 has 3 values, but loss nll takes class indices: one whole number 0…2 per row, an (N, 1) column, "
            + "not one-hot or probability rows."));
    }

    [Test]
    public void Train_CrossEntropyLoggingMse_SaysToLogCrossEntropy()
    {
        var data = new Dataset(Xor.Data.Inputs, [[0.0], [1.0], [2.0], [0.0]]);

        var error = Assert.Throws<ShapeException>(() => Train(CrossEntropy with { Logged = Logged.Mse }, data));

        Assert.That(error!.Message, Does.Contain("loss cross-entropy takes class indices").IgnoreCase.And.Contain("log cross-entropy"));
    }

    [Test]
    public void Train_MseLoggingCrossEntropy_SaysWhichTargetsEachTakes()
    {
        var error = Assert.Throws<ShapeException>(() => Train(CrossEntropy with { Loss = Loss.Mse }, Xor.Data));

        Assert.That(error!.Message, Does.Contain("logged cross-entropy takes class indices").And.Contain("loss mse takes targets of the output's width (3)"));
    }

    [Test]
    public void Train_BceTargetAboveOne_NamesRowAndColumn()
    {
        var network = new NetworkSpec([2, 3, 2], [Activation.Tanh, Activation.Sigmoid], Bias: true);
        var data = new Dataset(Xor.Data.Inputs, [[0.0, 1.0], [1.0, 0.0], [1.0, 1.5], [0.0, 0.0]]);

        var error = Assert.Throws<ShapeException>(() =>
            Trainer.Train(network, new TrainingOptions(1, 0.1, Loss.Bce), Initializers.Uniform01(network, 0), data));

        Assert.That(error!.Message, Does.StartWith("Targets row 2, column 1: 1.5 lies outside [0, 1]"));
    }

    [Test]
    public void Train_SoftmaxOnAHiddenLayer_NamesTheLayer()
    {
        var network = new NetworkSpec([2, 4, 1], [Activation.Softmax, Activation.Sigmoid], Bias: false);

        var error = Assert.Throws<ShapeException>(() =>
            Trainer.Train(network, new TrainingOptions(1, 0.1, Loss.Mse), Initializers.Uniform01(network, 0), Xor.Data));

        Assert.That(error!.Message, Does.StartWith("Layer 0: softmax normalises each row").And.Contain("only the last layer (1)"));
    }

    [Test]
    public void Gradients_ClassIndexTargets_AreAcceptedWhereTheOutputHasOneColumnPerClass()
    {
        var data = new Dataset(Xor.Data.Inputs, [[0.0], [1.0], [2.0], [1.0]]);

        var gradients = Trainer.Gradients(Classifier, Loss.CrossEntropy, Initializers.Uniform01(Classifier, 0), data);

        Assert.That(gradients.Select(g => g.Name), Is.EqualTo(new[] { "0.weight", "0.bias", "1.weight", "1.bias" }));
    }

    private static TrainingTrace Train(TrainingOptions options, Dataset data) =>
        Trainer.Train(Classifier, options, Initializers.Uniform01(Classifier, 0), data);
}
