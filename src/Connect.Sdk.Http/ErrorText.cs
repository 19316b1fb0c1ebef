using System.Net;
using System.Text.RegularExpressions;

namespace Connect.Sdk.Http;

/// <summary>
/// Makes what a marketplace or a host in front of it says about an error one line of plain text for the journal, logs
/// and exceptions. WordPress's fatal-error handler answers REST requests with WooCommerce's error shape whose message
/// is HTML (<c>&lt;p&gt;There has been a critical error on this website.&lt;/p&gt;</c>), and a proxy or host in trouble
/// answers Amazon's, Shopify's or WooCommerce's clients with a whole HTML page; a user reads the sentence, not the markup.
/// </summary>
public static partial class ErrorText
{
    /// <summary>The text as one line: tags, head, scripts and styles removed, entities decoded, whitespace collapsed.</summary>
    /// <param name="text">A message or body, HTML or not.</param>
    /// <param name="maxLength">The longest line returned; longer text is cut and ends in an ellipsis.</param>
    /// <returns>The line, the page's title if its body has no text, or an empty string.</returns>
    public static string OneLine(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (HtmlTag().IsMatch(text))
        {
            var visible = WebUtility.HtmlDecode(HtmlTag().Replace(Invisible().Replace(text, " "), " "));
            text = string.IsNullOrWhiteSpace(visible) && Title().Match(text) is { Success: true } title
                ? WebUtility.HtmlDecode(title.Groups["title"].Value)
                : visible;
        }

        var line = Whitespace().Replace(text, " ").Trim();
        return line.Length <= maxLength ? line : line[..maxLength] + "…";
    }

    /// <summary>The start of a body that is not the marketplace's error shape, quoted, for a message about the answer.</summary>
    /// <param name="body">The body as received; redact secrets before, as the body may echo them.</param>
    /// <param name="maxLength">The longest excerpt; longer text is cut and ends in an ellipsis.</param>
    /// <returns>The body's text as one quoted line, <c>no body</c>, or <c>a body without text</c> (a page of markup only).</returns>
    public static string Excerpt(string body, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(body);
        return OneLine(body, maxLength) is { Length: > 0 } line ? $"\"{line}\"" : body.Length == 0 ? "no body" : "a body without text";
    }

    [GeneratedRegex(@"<[!/]?[a-zA-Z][^>]*>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"<(?<element>head|script|style|title)\b[^>]*>.*?</\k<element>\s*>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"<title\b[^>]*>(?<title>.*?)</title\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Title();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Whitespace();
}
