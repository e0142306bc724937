using NUnit.Framework;
using Parity.Harness.Report;

namespace Parity.Tests.Harness.Report;

public sealed class HtmlTests
{
    [TestCase("a < b && c > \"d\" 'e'", "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;")]
    [TestCase("N·D/2 — ×2 😀", "N·D/2 — ×2 😀")]
    public void Escape_Text_IsSafeForHtmlAndXml(string text, string expected) =>
        Assert.That(Html.Escape(text), Is.EqualTo(expected));

    [Test]
    public void Escape_CharactersXmlCannotCarry_AreDropped() =>
        // Built in code: attribute arguments are stored as UTF-8, which cannot hold a lone surrogate.
        Assert.That(Html.Escape("bell\u0007 lone\uD800 surrogate"), Is.EqualTo("bell lone surrogate"));
}
