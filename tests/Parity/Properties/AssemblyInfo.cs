using NUnit.Framework;

// Fixtures run side by side (NumberOfTestWorkers in parity.runsettings); the PyTorch worker queues their requests.
[assembly: Parallelizable(ParallelScope.Fixtures)]
