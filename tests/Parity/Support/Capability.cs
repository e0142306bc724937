namespace Parity.Tests.Support;

/// <summary>Something a test needs from outside the .NET SDK, how to tell whether it is here, and how to get it.</summary>
/// <param name="Name">The name <c>PARITY_REQUIRE</c> lists, e.g. <c>numpy</c>.</param>
/// <param name="What">What it is, in words.</param>
/// <param name="Install">The command that installs it, or what kind of machine has it.</param>
internal sealed record Capability(string Name, string What, string Install);
