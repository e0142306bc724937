using NUnit.Framework;

namespace Parity.Tests.Harness.Scenarios;

/// <summary>Every validation rule, as one edit of the valid scenario and the error it must produce.</summary>
public sealed partial class ScenarioLoaderTests
{
    private const string Inputs = "[[0,0],[0,1],[1,0],[1,1]]";
    private const string Targets = "[[0],[1],[1],[0]]";
    private const string TorchInit = "\"from\": \"torch\", \"seed\": 0";
    private const string Description = "\"A valid scenario that each test breaks in one place\"";
    private const string NetworkLine = "  \"network\": { \"layers\": [2,5,1], \"activations\": [\"sigmoid\",\"sigmoid\"], \"bias\": false },\n";
    private const string DataLine = "  \"data\": { \"inputs\": [[0,0],[0,1],[1,0],[1,1]], \"targets\": [[0],[1],[1],[0]] },\n";
    private const string HandRolledSide = "{ \"loss\": \"half-sse\", \"learningRate\": 0.3, \"dtype\": \"float64\", \"batch\": \"full\" }";
    private const string TorchLine = "  \"torch\": { \"loss\": \"mse\", \"learningRate\": 0.6, \"dtype\": \"float64\", \"batch\": \"full\" },\n";

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
        yield return Rule("name empty", "\"tiny\"", "\"\"", "$.name", "the name is empty");
        yield return Rule("name too long", "\"tiny\"", "\"" + new string('a', 129) + "\"", "$.name", "the name is longer than 128 characters");
        yield return Rule("name a device", "\"tiny\"", "\"CON\"", "$.name", "\"CON\" is a reserved device name");
        yield return Rule("name with a NUL", "\"tiny\"", "\"ti\\u0000ny\"", "$.name", "U+0000 is not allowed in a name");
        yield return Rule("name absolute", "\"tiny\"", "\"/etc/tiny\"", "$.name", "path separators");
        yield return Rule("description not a string", Description, "42", "$.description", "expected a one-line description (a string), got 42");
        yield return Rule("description with a carriage return", "in one place", "in\\rone place", "$.description", "the description must be one line");

        // Unknown names.
        yield return Rule("unknown loss", "\"loss\": \"mse\"", "\"loss\": \"msee\"", "$.torch.loss", "unknown loss \"msee\"; expected one of mse, sse, half-sse, half-mse, l1, smooth-l1");
        yield return Rule("unknown dtype", "0.6, \"dtype\": \"float64\"", "0.6, \"dtype\": \"float16\"", "$.torch.dtype", "unknown dtype \"float16\"; expected one of float64, float32");
        yield return Rule("unknown batch", "0.3, \"dtype\": \"float64\", \"batch\": \"full\"", "0.3, \"dtype\": \"float64\", \"batch\": \"mini\"", "$.handRolled.batch", "unknown batch mode \"mini\"; expected \"full\", \"per-sample\" or { \"size\", \"shuffle\", \"seed\", \"dropLast\" }");
        yield return Rule("unknown init source", "\"from\": \"torch\"", "\"from\": \"xavier\"", "$.init.from", "unknown init source \"xavier\"; expected one of torch, uniform01, glorot, file");
        yield return Rule("unknown side init source", "\"learningRate\": 0.6,", "\"learningRate\": 0.6, \"init\": { \"from\": \"kaiming\" },", "$.torch.init.from", "unknown init source \"kaiming\"");
        yield return Rule("unknown expect", "\"epochs\": 10", "\"epochs\": 10, \"expect\": \"pass\"", "$.expect", "unknown expected verdict \"pass\"; expected parity or mismatch");
        yield return Rule("expect error", "\"epochs\": 10", "\"epochs\": 10, \"expect\": \"error\"", "$.expect", "expected parity or mismatch");
        yield return Rule("activation capitalised", "[\"sigmoid\",\"sigmoid\"]", "[\"Sigmoid\",\"sigmoid\"]", "$.network.activations[0]", "unknown activation \"Sigmoid\"; expected one of sigmoid,");
        yield return Rule("loss upper case", "\"loss\": \"mse\"", "\"loss\": \"MSE\"", "$.torch.loss", "unknown loss \"MSE\"; expected one of mse,");
        yield return Rule("expect capitalised", "\"epochs\": 10", "\"epochs\": 10, \"expect\": \"Parity\"", "$.expect", "unknown expected verdict \"Parity\"");
        yield return Rule("expect not a string", "\"epochs\": 10", "\"epochs\": 10, \"expect\": true", "$.expect", "expected an expected verdict (a string), got true");
        yield return Rule("loss not a string", "\"loss\": \"mse\"", "\"loss\": null", "$.torch.loss", "expected loss (a string), got null");
        yield return Rule("dtype not a string", "0.6, \"dtype\": \"float64\"", "0.6, \"dtype\": 64", "$.torch.dtype", "expected dtype (a string), got 64");
        yield return Rule("init source not a string", TorchInit, "\"from\": 1", "$.init.from", "expected init source (a string), got 1");

        // Unknown and repeated properties.
        yield return Rule("unknown top-level property", "\"epochs\": 10", "\"epochs\": 10, \"epoch\": 5", "$.epoch", "unknown property \"epoch\"; did you mean \"epochs\"? expected one of name, description");
        yield return Rule("unknown network property", "\"bias\": false", "\"bais\": false", "$.network.bais", "unknown property \"bais\"; did you mean \"bias\"?");
        yield return Rule("unknown side property", "\"learningRate\": 0.3", "\"learningrate\": 0.3", "$.handRolled.learningrate", "did you mean \"learningRate\"?");
        yield return Rule("repeated property", "\"epochs\": 10", "\"epochs\": 10, \"epochs\": 20", "$.epochs", "appears twice");
        yield return Rule("property name needing quotes", "\"epochs\": 10", "\"epochs\": 10, \"my key\": 1", "$['my key']", "unknown property \"my key\"");
        yield return Rule("repeated nested property", "\"learningRate\": 0.3", "\"learningRate\": 0.3, \"learningRate\": 0.4", "$.handRolled.learningRate", "property \"learningRate\" appears twice");
        yield return Rule("unknown data property", "\"targets\":", "\"target\":", "$.data.target", "unknown property \"target\"; did you mean \"targets\"?");
        yield return Rule("unknown optimizer property", "\"learningRate\": 0.3,", "\"learningRate\": 0.3, \"optimizer\": { \"lookahead\": true },", "$.handRolled.optimizer.lookahead", "unknown property \"lookahead\"");
        yield return Rule("unknown tolerance property", "\"atol\": 1e-12", "\"atol\": 1e-12, \"eps\": 1", "$.tolerance.eps", "unknown property \"eps\"");

        // Network.
        yield return Rule("too few activations", "[\"sigmoid\",\"sigmoid\"]", "[\"sigmoid\"]", "$.network.activations", "1 activation(s) for 2 affine layer(s)");
        yield return Rule("too many activations", "[\"sigmoid\",\"sigmoid\"]", "[\"sigmoid\",\"sigmoid\",\"relu\"]", "$.network.activations", "3 activation(s) for 2 affine layer(s)");
        yield return Rule("one layer", "[2,5,1]", "[2]", "$.network.layers", "1 width(s); expected at least 2");
        yield return Rule("zero width", "[2,5,1]", "[2,0,1]", "$.network.layers[1]", "layer width 0; expected at least 1");
        yield return Rule("fractional width", "[2,5,1]", "[2,5.5,1]", "$.network.layers[1]", "expected a layer width (a whole number");
        yield return Rule("layers not an array", "[2,5,1]", "\"2-5-1\"", "$.network.layers", "expected layer widths (an array), got string \"2-5-1\"");
        yield return Rule("bias missing", ", \"bias\": false", string.Empty, "$.network", "missing property \"bias\"");
        yield return Rule("network missing", NetworkLine, string.Empty, "$", "missing property \"network\"");
        yield return Rule("network not an object", "{ \"layers\": [2,5,1], \"activations\": [\"sigmoid\",\"sigmoid\"], \"bias\": false }", "[2,5,1]", "$.network", "expected an object, got an array");
        yield return Rule("layers missing", "\"layers\": [2,5,1], ", string.Empty, "$.network", "missing property \"layers\"");
        yield return Rule("negative width", "[2,5,1]", "[2,-5,1]", "$.network.layers[1]", "layer width -5; expected at least 1");
        yield return Rule("width as a string", "[2,5,1]", "[2,\"5\",1]", "$.network.layers[1]", "expected a layer width (a whole number), got string \"5\"");
        yield return Rule("width beyond int", "[2,5,1]", "[2,3000000000,1]", "$.network.layers[1]", "(a whole number within ±2147483647");
        yield return Rule("activations missing", ", \"activations\": [\"sigmoid\",\"sigmoid\"]", string.Empty, "$.network", "missing property \"activations\"");
        yield return Rule("activations not an array", "[\"sigmoid\",\"sigmoid\"]", "\"sigmoid\"", "$.network.activations", "expected activation names (an array), got string \"sigmoid\"");
        yield return Rule("activation not a string", "[\"sigmoid\",\"sigmoid\"]", "[\"sigmoid\",1]", "$.network.activations[1]", "expected activation (a string), got 1");
        yield return Rule("bias not a boolean", "\"bias\": false", "\"bias\": 0", "$.network.bias", "expected the bias setting (true or false), got 0");

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
        yield return Rule("data missing", DataLine, string.Empty, "$", "missing property \"data\"");
        yield return Rule("data not an object", "{ \"inputs\": " + Inputs + ", \"targets\": " + Targets + " }", Inputs, "$.data", "expected an object, got an array");
        yield return Rule("inputs missing", "\"inputs\": " + Inputs + ", ", string.Empty, "$.data", "missing property \"inputs\"");
        yield return Rule("targets missing", ", \"targets\": " + Targets, string.Empty, "$.data", "missing property \"targets\"");
        yield return Rule("inputs not an array", Inputs, "{}", "$.data.inputs", "expected rows of numbers (an array), got an object");
        yield return Rule("null in data", Targets, "[[0],[null],[1],[0]]", "$.data.targets[1][0]", "expected a data value (a finite number), got null");
        yield return Rule("more targets than inputs", Targets, "[[0],[1],[1],[0],[1]]", "$.data.targets", "5 target row(s) for 4 input row(s); expected one per input");
        yield return Rule("no targets", Targets, "[]", "$.data.targets", "no samples; expected at least one row");

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
        yield return Rule("epochs missing", "  \"epochs\": 10,\n", string.Empty, "$", "missing property \"epochs\"");
        yield return Rule("epochs as a string", "\"epochs\": 10", "\"epochs\": \"10\"", "$.epochs", "expected a number of epochs (a whole number), got string \"10\"");
        yield return Rule("epochs with an exponent", "\"epochs\": 10", "\"epochs\": 1e3", "$.epochs", "written without a fraction or exponent), got 1e3");
        yield return Rule("hand-rolled side missing", "  \"handRolled\": " + HandRolledSide + ",\n", string.Empty, "$", "missing property \"handRolled\"");
        yield return Rule("torch side missing", TorchLine, string.Empty, "$", "missing property \"torch\"");
        yield return Rule("side not an object", HandRolledSide, "\"half-sse\"", "$.handRolled", "expected an object, got string \"half-sse\"");
        yield return Rule("loss missing", "\"loss\": \"half-sse\", ", string.Empty, "$.handRolled", "missing property \"loss\"");
        yield return Rule("learning rate missing", "\"learningRate\": 0.6, ", string.Empty, "$.torch", "missing property \"learningRate\"");
        yield return Rule("learning rate null", "\"learningRate\": 0.6", "\"learningRate\": null", "$.torch.learningRate", "expected a learning rate (a finite number), got null");
        yield return Rule("side init not an object", "\"learningRate\": 0.6,", "\"learningRate\": 0.6, \"init\": \"torch\",", "$.torch.init", "expected an object, got string \"torch\"");

        // Optimizer.
        yield return Rule("momentum one", "\"learningRate\": 0.3,", "\"learningRate\": 0.3, \"optimizer\": { \"momentum\": 1 },", "$.handRolled.optimizer.momentum", "momentum 1; expected 0 ≤ momentum < 1");
        yield return Rule("negative momentum", "\"learningRate\": 0.3,", "\"learningRate\": 0.3, \"optimizer\": { \"momentum\": -0.5 },", "$.handRolled.optimizer.momentum", "momentum -0.5");
        yield return Rule("negative weight decay", "\"learningRate\": 0.6,", "\"learningRate\": 0.6, \"optimizer\": { \"weightDecay\": -1e-4 },", "$.torch.optimizer.weightDecay", "weight decay -0.0001; expected 0 or more");
        yield return Rule("unknown optimizer", "\"learningRate\": 0.3,", "\"learningRate\": 0.3, \"optimizer\": { \"kind\": \"lbfgs\" },", "$.handRolled.optimizer.kind", "unknown optimizer kind \"lbfgs\"; expected one of sgd, adam, adamw, rmsprop");
        yield return Rule("optimizer not an object", "\"learningRate\": 0.3,", "\"learningRate\": 0.3, \"optimizer\": \"sgd\",", "$.handRolled.optimizer", "expected an object, got string \"sgd\"");
        yield return Rule("optimizer kind not a string", "\"learningRate\": 0.3,", "\"learningRate\": 0.3, \"optimizer\": { \"kind\": 1 },", "$.handRolled.optimizer.kind", "expected optimizer kind (a string), got 1");
        yield return Rule("momentum as a string", "\"learningRate\": 0.3,", "\"learningRate\": 0.3, \"optimizer\": { \"momentum\": \"0.9\" },", "$.handRolled.optimizer.momentum", "expected a momentum (a finite number), got string \"0.9\"");
        yield return Rule("weight decay not finite", "\"learningRate\": 0.6,", "\"learningRate\": 0.6, \"optimizer\": { \"weightDecay\": 1e999 },", "$.torch.optimizer.weightDecay", "got 1e999, which is not finite as a double");

        // Optimizers beyond SGD (torch.optim's checks), batches, losses that take class indices, what is logged.
        const string Lr = "\"learningRate\": 0.3,";
        yield return Rule("nesterov without momentum", Lr, Lr + " \"optimizer\": { \"nesterov\": true },", "$.handRolled.optimizer.nesterov", "Nesterov momentum needs a momentum above 0 and no dampening");
        yield return Rule("nesterov with dampening", Lr, Lr + " \"optimizer\": { \"momentum\": 0.9, \"dampening\": 0.1, \"nesterov\": true },", "$.handRolled.optimizer.nesterov", "and no dampening");
        yield return Rule("dampening above one", Lr, Lr + " \"optimizer\": { \"momentum\": 0.9, \"dampening\": 1.5 },", "$.handRolled.optimizer.dampening", "dampening 1.5; expected 0 ≤ dampening ≤ 1");
        yield return Rule("adam beta one", Lr, Lr + " \"optimizer\": { \"kind\": \"adam\", \"betas\": [0.9, 1] },", "$.handRolled.optimizer.betas[1]", "β 1; expected 0 ≤ β < 1");
        yield return Rule("adam three betas", Lr, Lr + " \"optimizer\": { \"kind\": \"adam\", \"betas\": [0.9, 0.99, 0.9] },", "$.handRolled.optimizer.betas", "3 value(s); expected two, [β1, β2]");
        yield return Rule("adam negative eps", Lr, Lr + " \"optimizer\": { \"kind\": \"adamw\", \"eps\": -1e-8 },", "$.handRolled.optimizer.eps", "eps -1E-08; expected 0 or more");
        yield return Rule("adam with momentum", Lr, Lr + " \"optimizer\": { \"kind\": \"adam\", \"momentum\": 0.9 },", "$.handRolled.optimizer.momentum", "\"momentum\" does not apply to adam; it takes kind, betas, eps, weightDecay, amsgrad");
        yield return Rule("sgd with betas", Lr, Lr + " \"optimizer\": { \"betas\": [0.9, 0.999] },", "$.handRolled.optimizer.betas", "\"betas\" does not apply to sgd");
        yield return Rule("rmsprop negative alpha", Lr, Lr + " \"optimizer\": { \"kind\": \"rmsprop\", \"alpha\": -0.9 },", "$.handRolled.optimizer.alpha", "alpha -0.9; expected 0 or more");
        yield return Rule("rmsprop amsgrad", Lr, Lr + " \"optimizer\": { \"kind\": \"rmsprop\", \"amsgrad\": true },", "$.handRolled.optimizer.amsgrad", "\"amsgrad\" does not apply to rmsprop");
        yield return Rule("amsgrad not a boolean", Lr, Lr + " \"optimizer\": { \"kind\": \"adam\", \"amsgrad\": 1 },", "$.handRolled.optimizer.amsgrad", "expected whether to use AMSGrad (true or false), got 1");
        yield return Rule("batch size zero", "\"batch\": \"full\" }", "\"batch\": { \"size\": 0 } }", "$.handRolled.batch.size", "batch size 0; expected at least 1");
        yield return Rule("batch without size", "\"batch\": \"full\" }", "\"batch\": { \"shuffle\": true } }", "$.handRolled.batch", "missing property \"size\"");
        yield return Rule("batch unknown property", "\"batch\": \"full\" }", "\"batch\": { \"size\": 2, \"drop_last\": true } }", "$.handRolled.batch.drop_last", "did you mean \"dropLast\"?");
        yield return Rule("batch a number", "\"batch\": \"full\" }", "\"batch\": 2 }", "$.handRolled.batch", "expected \"full\", \"per-sample\" or { \"size\", \"shuffle\", \"seed\", \"dropLast\" }, got 2");
        yield return Rule("batch negative seed", "\"batch\": \"full\" }", "\"batch\": { \"size\": 2, \"shuffle\": true, \"seed\": -3 } }", "$.handRolled.batch.seed", "seed -3; expected 0 or more");
        yield return Rule("dropLast drops everything", "\"batch\": \"full\" }", "\"batch\": { \"size\": 5, \"dropLast\": true } }", "$.handRolled", "batch size 5 with dropLast over 4 row(s) drops every batch");
        yield return Rule("schedule not an object", Lr, Lr + " \"schedule\": \"step\",", "$.handRolled.schedule", "expected an object, got string \"step\"");
        yield return Rule("schedule without kind", Lr, Lr + " \"schedule\": { \"stepSize\": 2, \"gamma\": 0.5 },", "$.handRolled.schedule", "missing property \"kind\"");
        yield return Rule("unknown schedule kind", Lr, Lr + " \"schedule\": { \"kind\": \"cosine\", \"stepSize\": 2, \"gamma\": 0.5 },", "$.handRolled.schedule.kind", "unknown schedule kind \"cosine\"; expected \"step\" (StepLR)");
        yield return Rule("schedule step size zero", Lr, Lr + " \"schedule\": { \"kind\": \"step\", \"stepSize\": 0, \"gamma\": 0.5 },", "$.handRolled.schedule.stepSize", "step size 0; expected at least 1 epoch");
        yield return Rule("schedule fractional step size", Lr, Lr + " \"schedule\": { \"kind\": \"step\", \"stepSize\": 1.5, \"gamma\": 0.5 },", "$.handRolled.schedule.stepSize", "1.5");
        yield return Rule("schedule gamma zero", Lr, Lr + " \"schedule\": { \"kind\": \"step\", \"stepSize\": 2, \"gamma\": 0 },", "$.handRolled.schedule.gamma", "a decay factor of 0; expected more than 0");
        yield return Rule("schedule without gamma", Lr, Lr + " \"schedule\": { \"kind\": \"step\", \"stepSize\": 2 },", "$.handRolled.schedule", "missing property \"gamma\"");
        yield return Rule("schedule unknown property", Lr, Lr + " \"schedule\": { \"kind\": \"step\", \"step_size\": 2, \"gamma\": 0.5 },", "$.handRolled.schedule.step_size", "did you mean \"stepSize\"?");
        yield return Rule("cross-entropy against mse", "\"loss\": \"mse\"", "\"loss\": \"cross-entropy\"", "$.torch", "cross-entropy takes class indices as targets and half-sse takes values");
        yield return Rule("logged cross-entropy on values", "\"epochs\": 10", "\"epochs\": 10, \"logged\": \"cross-entropy\"", "$.logged", "cross-entropy is logged against class indices, but the sides' losses take values");
        yield return Rule("unknown logged", "\"epochs\": 10", "\"epochs\": 10, \"logged\": \"accuracy\"", "$.logged", "unknown logged quantity \"accuracy\"; expected one of mse, cross-entropy");
        yield return Rule("softmax before the last layer", "[\"sigmoid\",\"sigmoid\"]", "[\"softmax\",\"sigmoid\"]", "$.network.activations[0]", "softmax normalises each row of the output, so it is the last layer's activation only");

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
        yield return Rule("init missing", "  \"init\": { " + TorchInit + " },\n", string.Empty, "$", "missing property \"init\"");
        yield return Rule("init source missing", TorchInit, "\"seed\": 0", "$.init", "missing property \"from\"");
        yield return Rule("path on torch init", TorchInit, TorchInit + ", \"path\": \"p.json\"", "$.init.path", "\"path\" does not apply to init from torch; it takes from, seed");
        yield return Rule("gain on uniform01 init", TorchInit, "\"from\": \"uniform01\", \"gain\": 2", "$.init.gain", "\"gain\" does not apply to init from uniform01");
        yield return Rule("fractional seed", "\"seed\": 0", "\"seed\": 0.5", "$.init.seed", "expected a seed (a whole number");
        yield return Rule("seed beyond int", "\"seed\": 0", "\"seed\": 2147483648", "$.init.seed", "(a whole number within ±2147483647");
        yield return Rule("seed as a string", "\"seed\": 0", "\"seed\": \"0\"", "$.init.seed", "expected a seed (a whole number), got string \"0\"");
        yield return Rule("file init, empty path", TorchInit, "\"from\": \"file\", \"path\": \"\"", "$.init.path", "empty path; expected the parameters file");
        yield return Rule("file init, path not a string", TorchInit, "\"from\": \"file\", \"path\": 5", "$.init.path", "expected a file path (a string), got 5");
        yield return Rule("file init, NUL in the path", TorchInit, "\"from\": \"file\", \"path\": \"p\\u0000.json\"", "$.init.path", "not a valid path \"p\0.json\"");
        yield return Rule("file init, a folder", TorchInit, "\"from\": \"file\", \"path\": \".\"", "$.init.path", "no parameters file at ");

        // Tolerance.
        yield return Rule("negative rtol", "\"rtol\": 1e-10", "\"rtol\": -1e-10", "$.tolerance.rtol", "rtol -1E-10; expected 0 or more");
        yield return Rule("negative atol", "\"atol\": 1e-12", "\"atol\": -1", "$.tolerance.atol", "atol -1; expected 0 or more");
        yield return Rule("atol missing", ", \"atol\": 1e-12", string.Empty, "$.tolerance", "missing property \"atol\"");
        yield return Rule("tolerance not an object", "{ \"rtol\": 1e-10, \"atol\": 1e-12 }", "1e-10", "$.tolerance", "expected an object, got 1e-10");
        yield return Rule("rtol missing", "\"rtol\": 1e-10, ", string.Empty, "$.tolerance", "missing property \"rtol\"");
        yield return Rule("rtol not finite", "\"rtol\": 1e-10", "\"rtol\": 1e999", "$.tolerance.rtol", "not finite");
        yield return Rule("atol as a string", "\"atol\": 1e-12", "\"atol\": \"1e-12\"", "$.tolerance.atol", "expected atol (a finite number), got string \"1e-12\"");
    }

    private static TestCaseData Rule(string name, string find, string replace, string jsonPath, string expected) =>
        new TestCaseData(find, replace, jsonPath, expected).SetArgDisplayNames(name);
}
