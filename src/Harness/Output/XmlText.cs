using System.Text;
using System.Xml;

namespace Parity.Harness.Output;

/// <summary>
/// Text made safe for XML, SVG and HTML alike, so an inline plot and the report page around it escape the same way:
/// the five markup characters become entities (the apostrophe as <c>&amp;#39;</c>, which all three read), and
/// characters XML 1.0 cannot carry at all (control characters, lone surrogates) are dropped.
/// </summary>
internal static class XmlText
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
