using NUnit.Framework;
using Parity.Harness.Scenarios;

namespace Parity.Tests.Harness.Scenarios;

[TestFixture]
public sealed class NameSuggestionsTests
{
    [TestCase("", "", 0)]
    [TestCase("kitten", "sitting", 3)]
    [TestCase("sigmod", "sigmoid", 1)]
    [TestCase("abc", "", 3)]
    public void Levenshtein_KnownPairs_GiveTheTextbookDistance(string a, string b, int distance) =>
        Assert.That((NameSuggestions.Levenshtein(a, b), NameSuggestions.Levenshtein(b, a)), Is.EqualTo((distance, distance)));

    [Test]
    public void Closest_NothingNear_IsEmpty() =>
        Assert.That(NameSuggestions.Closest("zzzz", ["sigmoid", "tanh", "relu"], 3), Is.Empty);

    [Test]
    public void Closest_SeveralNear_ClosestFirstThenAlphabetical() =>
        Assert.That(
            NameSuggestions.Closest("rel", ["selu", "relu6", "tanh", "relu"], 3),
            Is.EqualTo(new[] { "relu", "relu6", "selu" }));
}
