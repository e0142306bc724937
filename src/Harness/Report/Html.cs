using System.Text;
using System.Xml;

namespace Parity.Harness.Report;

/// <summary>
/// Text made safe for HTML — and for XHTML, so the report also parses as XML: the five markup characters become
/// entities, and characters that neither can carry (control characters, lone surrogates) are dropped.
/// </summary>
internal static class Html
{
    /// <summary>Escapes <paramref name="text"/> for element content and quoted attribute values alike.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                escaped.Append(c).Append(text[++i]);
                continue;
            }

            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when XmlConvert.IsXmlChar(c) => c.ToString(),
                _ => "",
            });
        }

        return escaped.ToString();
    }
}
