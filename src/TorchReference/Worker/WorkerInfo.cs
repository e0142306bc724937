namespace Parity.TorchReference.Worker;

/// <summary>Which Python runs the worker, and the versions it reported.</summary>
public sealed record WorkerInfo(string Python, string TorchVersion, string PythonVersion);
