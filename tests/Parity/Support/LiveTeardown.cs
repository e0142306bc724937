using NUnit.Framework;

namespace Parity.Tests.Support;

/// <summary>Stops the shared PyTorch worker when the run ends.</summary>
[SetUpFixture]
public sealed class LiveTeardown
{
    [OneTimeTearDown]
    public Task StopWorkerAsync() => Live.ShutdownAsync();
}
