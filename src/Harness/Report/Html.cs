using Parity.Harness.Output;

namespace Parity.Harness.Report;

/// <summary>
/// Text made safe for HTML — and for XHTML, so the report also parses as XML (<see cref="XmlText"/>).
/// </summary>
internal static class Html
{
    /// <summary>Escapes <paramref name="text"/> for element content and quoted attribute values alike.</summary>
    public static string Escape(string text) => XmlText.Escape(text);
}
