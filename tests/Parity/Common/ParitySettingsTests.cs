using NUnit.Framework;
using Parity.Common;

namespace Parity.Tests.Common;

/// <summary>The one reader of the environment: one rule for a switch, and an empty value is no value.</summary>
public sealed class ParitySettingsTests
{
    [TestCase("1", true)]
    [TestCase("true", true)]
    [TestCase(" TRUE ", true)]
    [TestCase("Yes", true)]
    [TestCase("on", true)]
    [TestCase("0", false)]
    [TestCase("false", false)]
    [TestCase("enabled", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void IsOn_Value_TurnsASwitchOnOnlyForOneTrueYesOrOn(string? value, bool on) =>
        Assert.That(ParitySettings.IsOn(value), Is.EqualTo(on));

    [Test]
    public void Variable_SetOrUnset_IsItsValueOrNull()
    {
        // Names of this test's own: no other test reads them.
        var (set, unset) = ($"PARITY_TEST_SET_{Guid.NewGuid():N}", $"PARITY_TEST_UNSET_{Guid.NewGuid():N}");
        Environment.SetEnvironmentVariable(set, "managed");
        try
        {
            Assert.That(ParitySettings.Variable(set), Is.EqualTo("managed"));
            Assert.That(ParitySettings.Variable(unset), Is.Null);
        }
        finally
        {
            Environment.SetEnvironmentVariable(set, null);
        }
    }
}
