using NUnit.Framework;

namespace Parity.Tests.Harness.Scenarios;

/// <summary>Every validation rule, as one edit of the valid scenario and the error it must produce.</summary>
public sealed partial class ScenarioLoaderTests
{
    private const string Inputs = "[[0,0],[0,1],[1,0],[1,1]]";
    private const string Targets = "[[0],[1],[1],[0]]";
    private const string TorchInit = "\"from\": \"torch\", \"seed\": 0";

    private static IEnumerable<TestCaseData> BrokenRules()
    {
        // Names and description.
        yield return Rule("name missing", "\"name\": \"tiny\",", string.Empty, "$", "missing property \"name\"");
        yield return Rule("name with a separator", "\"tiny\"", "\"../tiny\"", "$.name", "path separators");
        yield return Rule("name with a leading dot", "\"tiny\"", "\".tiny\"", "$.name", "cannot start with '.'");
        yield return Rule("name with a space", "\"tiny\"", "\"ti ny\"", "$.name", "U+0020 is not allowed in a name");
        yield return Rule("name not a string", "\"tiny\"", "7", "$.name", "expected a name (a string), got 7");
        yield return Rule("description missing", "\"description\": \"A valid scenario that each test breaks in one place\",", string.Empty, "$", "missing property \"description\"");
        yield return Rule("description two lines", "in one place", "in\\none place", "$.description", "one line");
        yield return Rule("description empty", "\"A valid scenario that each test breaks in one place\"", "\" \"", "$.description", "empty description");

        // Unknown names.
        yield return Rule("unknown loss", "\"loss\": \"mse\"", "\"loss\": \"msee\"", "$.torch.loss", "unknown loss \"msee\"; expected one of mse, sse, half-sse, half-mse, l1, smooth-l1");
        yield return Rule("unknown dtype", "0.6, \"dtype\": \"float64\"", "0.6, \"dtype\": \"float16\"", "$.torch.dtype", "unknown dtype \"float16\"; expected one of float64, float32");
        yield return Rule("unknown batch", "0.3, \"dtype\": \"float64\", \"batch\": \"full\"", "0.3, \"dtype\": \"float64\", \"batch\": \"mini\"", "$.handRolled.batch", "unknown batch mode \"mini\"; expected one of full, per-sample");
        yield return Rule("unknown init source", "\"from\": \"torch\"", "\"from\": \"xavier\"", "$.init.from", "unknown init source \"xavier\"; expected one of torch, uniform01, glorot, file");
        yield return Rule("unknown side init source", "\"learningRate\": 0.6,", "\"learningRate\": 0.6, \"init\": { \"from\": \"kaiming\" },", "$.torch.init.from", "unknown init source \"kaiming\"");
        yield return Rule("unknown expect", "\"epochs\": 10", "\"epochs\": 10, \"expect\": \"pass\"", "$.expect", "unknown expected verdict \"pass\"; expected parity or mismatch");
        yield return Rule("expect error", "\"epochs\": 10", "\"epochs\": 10, \"expect\": \"error\"", "$.expect", "expected parity or mismatch");

        // Unknown and repeated properties.
        yield return Rule("unknown top-level property", "\"epochs\": 10", "\"epochs\": 10, \"epoch\": 5", "$.epoch", "unknown property \"epoch\"; did you mean \"epochs\"? expected one of name, description");
        yield return Rule("unknown network property", "\"bias\": false", "\"bais\": false", "$.network.bais", "unknown property \"bais\"; did you mean \"bias\"?");
        yield return Rule("unknown side property", "\"learningRate\": 0.3", "\"learningrate\": 0.3", "$.handRolled.learningrate", "did you mean \"learningRate\"?");
        yield return Rule("repeated property", "\"epochs\": 10", "\"epochs\": 10, \"epochs\": 20", "$.epochs", "appears twice");
        yield return Rule("property name needing quotes", "\"epochs\": 10", "\"epochs\": 10, \"my key\": 1", "$['my key']", "unknown property \"my key\"");

        // Network.
        yield return Rule("too few activations", "[\"sigmoid\",\"sigmoid\"]", "[\"sigmoid\"]", "$.network.activations", "1 activation(s) for 2 affine layer(s)");
        yield return Rule("too many activations", "[\"sigmoid\",\"sigmoid\"]", "[\"sigmoid\",\"sigmoid\",\"relu\"]", "$.network.activations", "3 activation(s) for 2 affine layer(s)");
        yield return Rule("one layer", "[2,5,1]", "[2]", "$.network.layers", "1 width(s); expected at least 2");
        yield return Rule("zero width", "[2,5,1]", "[2,0,1]", "$.network.layers[1]", "layer width 0; expected at least 1");
        yield return Rule("fractional width", "[2,5,1]", "[2,5.5,1]", "$.network.layers[1]", "expected a layer width (a whole number");
        yield return Rule("layers not an array", "[2,5,1]", "\"2-5-1\"", "$.network.layers", "expected layer widths (an array), got string \"2-5-1\"");
        yield return Rule("bias missing", ", \"bias\": false", string.Empty, "$.network", "missing property \"bias\"");

        // Data.
        yield return Rule("input width", Inputs, "[[0,0,0],[0,1,0],[1,0,0],[1,1,0]]", "$.data.inputs[0]", "row has 3 values; expected 2 = network.layers[0]");
        yield return Rule("target width", Targets, "[[0,1],[1,0],[1,0],[0,1]]", "$.data.targets[0]", "row has 2 values; expected 1 = network.layers[2], the output width");
        yield return Rule("ragged rows", Inputs, "[[0,0],[0,1],[1],[1,1]]", "$.data.inputs[2]", "row has 1 value (rows are ragged: row 0 has 2 values)");
        yield return Rule("empty row", Inputs, "[[],[0,1],[1,0],[1,1]]", "$.data.inputs[0]", "row has 0 values");
        yield return Rule("no samples", Inputs, "[]", "$.data.inputs", "no samples; expected at least one row");
        yield return Rule("fewer targets than inputs", Targets, "[[0],[1],[1]]", "$.data.targets", "3 target row(s) for 4 input row(s)");
        yield return Rule("NaN as a string", "[[0,0],[0,1]", "[[0,0],[\"NaN\",1]", "$.data.inputs[1][0]", "expected a data value (a finite number), got string \"NaN\"");
        yield return Rule("too large for a double", "[[0,0],[0,1]", "[[0,0],[1e400,1]", "$.data.inputs[1][0]", "got 1e400, which is not finite as a double");
        yield return Rule("boolean in data", Targets, "[[0],[true],[1],[0]]", "$.data.targets[1][0]", "got true");
        yield return Rule("row not an array", Targets, "[[0],1,[1],[0]]", "$.data.targets[1]", "expected a row of numbers (an array), got 1");

        // Training.
        yield return Rule("zero epochs", "\"epochs\": 10", "\"epochs\": 0", "$.epochs", "0 epochs; expected 1 to 10,000,000");
        yield return Rule("negative epochs", "\"epochs\": 10", "\"epochs\": -5", "$.epochs", "-5 epochs; expected 1 to 10,000,000");
        yield return Rule("absurd epochs", "\"epochs\": 10", "\"epochs\": 10000001", "$.epochs", "10000001 epochs; expected 1 to 10,000,000");
        yield return Rule("epochs beyond int", "\"epochs\": 10", "\"epochs\": 1e12", "$.epochs", "expected a number of epochs (a whole number");
        yield return Rule("fractional epochs", "\"epochs\": 10", "\"epochs\": 10.5", "$.epochs", "(a whole number");
        yield return Rule("zero learning rate", "\"learningRate\": 0.3", "\"learningRate\": 0", "$.handRolled.learningRate", "a learning rate of 0; expected more than 0");
        yield return Rule("negative learning rate", "\"learningRate\": 0.6", "\"learningRate\": -0.1", "$.torch.learningRate", "a learning rate of -0.1; expected more than 0");
        yield return Rule("infinite learning rate", "\"learningRate\": 0.6", "\"learningRate\": 1e999", "$.torch.learningRate", "not finite");
        yield return Rule("learning rate as a string", "\"learningRate\": 0.6", "\"learningRate\": \"0.6\"", "$.torch.learningRate", "got string \"0.6\"");
        yield return Rule("side missing", "\"torch\":", "\"pytorch\":", "$.pytorch", "unknown property \"pytorch\"; did you mean \"torch\"?");
        yield return Rule("bias override not a boolean", "\"learningRate\": 0.6,", "\"learningRate\": 0.6, \"bias\": \"yes\",", "$.torch.bias", "expected a bias override (true or false), got string \"yes\"");

        // Optimizer.
        yield return Rule("momentum one", "\"learningRate\": 0.3,", "\"learningRate\": 0.3, \"optimizer\": { \"momentum\": 1 },", "$.handRolled.optimizer.momentum", "momentum 1; expected 0 ≤ momentum < 1");
        yield return Rule("negative momentum", "\"learningRate\": 0.3,", "\"learningRate\": 0.3, \"optimizer\": { \"momentum\": -0.5 },", "$.handRolled.optimizer.momentum", "momentum -0.5");
        yield return Rule("negative weight decay", "\"learningRate\": 0.6,", "\"learningRate\": 0.6, \"optimizer\": { \"weightDecay\": -1e-4 },", "$.torch.optimizer.weightDecay", "weight decay -0.0001; expected 0 or more");
        yield return Rule("unknown optimizer", "\"learningRate\": 0.3,", "\"learningRate\": 0.3, \"optimizer\": { \"kind\": \"adam\" },", "$.handRolled.optimizer.kind", "unknown optimizer kind \"adam\"; expected sgd");

        // Initialisation.
        yield return Rule("glorot gain zero", TorchInit, "\"from\": \"glorot\", \"seed\": 0, \"gain\": 0", "$.init.gain", "a gain of 0; expected more than 0");
        yield return Rule("glorot gain negative", TorchInit, "\"from\": \"glorot\", \"gain\": -4", "$.init.gain", "a gain of -4; expected more than 0");
        yield return Rule("gain on torch init", TorchInit, TorchInit + ", \"gain\": 2", "$.init.gain", "\"gain\" does not apply to init from torch; it takes from, seed");
        yield return Rule("seed on file init", TorchInit, "\"from\": \"file\", \"path\": \"p.json\", \"seed\": 1", "$.init.seed", "\"seed\" does not apply to init from file");
        yield return Rule("file init without path", TorchInit, "\"from\": \"file\"", "$.init", "missing property \"path\"");
        yield return Rule("file init, no such file", TorchInit, "\"from\": \"file\", \"path\": \"nowhere.json\"", "$.init.path", "no parameters file at ");
        yield return Rule("negative seed", "\"seed\": 0", "\"seed\": -1", "$.init.seed", "seed -1; expected 0 or more");
        yield return Rule("unknown init property", "\"seed\": 0", "\"sed\": 0", "$.init.sed", "did you mean \"seed\"?");
        yield return Rule("init not an object", "{ " + TorchInit + " }", "\"torch\"", "$.init", "expected an object, got string \"torch\"");

        // Tolerance.
        yield return Rule("negative rtol", "\"rtol\": 1e-10", "\"rtol\": -1e-10", "$.tolerance.rtol", "rtol -1E-10; expected 0 or more");
        yield return Rule("negative atol", "\"atol\": 1e-12", "\"atol\": -1", "$.tolerance.atol", "atol -1; expected 0 or more");
        yield return Rule("atol missing", ", \"atol\": 1e-12", string.Empty, "$.tolerance", "missing property \"atol\"");
    }

    private static TestCaseData Rule(string name, string find, string replace, string jsonPath, string expected) =>
        new TestCaseData(find, replace, jsonPath, expected).SetArgDisplayNames(name);
}
