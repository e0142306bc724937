using NUnit.Framework;

// Fixtures run side by side (NumberOfTestWorkers in parity.runsettings); the PyTorch worker queues their requests.
// The fixtures that train on live PyTorch run their own cases in sequence: NUnit queues the cases of a fixture with
// parallel children behind every fixture already queued, which would start the worker's work last instead of first.
[assembly: Parallelizable(ParallelScope.Fixtures)]
