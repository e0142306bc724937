using NUnit.Framework;
using Parity.Cli;
using Parity.Tests.Support;

namespace Parity.Tests.Cli;

public sealed class ProgramTests
{
    [Test]
    public async Task RunAsync_UnexpectedException_ExitsTwoAndSaysItIsABug()
    {
        // A failure no command anticipates (here the output itself breaks) must not end as exit 1, "mismatch".
        using var scratch = ScratchRepository.With();
        using var error = new StringWriter();
        var terminal = Terminal.Capture(new BrokenWriter(), error);

        var exit = await CliRunner.RunInAsync(scratch.Root, terminal, "snapshots", "status");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error.ToString(), Does.StartWith(
                "parity: unexpected error, a bug in parity (please report it with the command line): System.NotSupportedException: the terminal broke"));
        });
    }

    private sealed class BrokenWriter : StringWriter
    {
        public override Task WriteLineAsync(string? value) => throw new NotSupportedException("the terminal broke");
    }
}
