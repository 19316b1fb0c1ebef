using System.Net;
using System.Text.RegularExpressions;

namespace Connect.Sdk.WooCommerce.Http;

/// <summary>
/// Makes what a WordPress host says about an error one line of plain text for the journal, logs and exceptions.
/// WordPress's fatal-error handler answers REST requests with WooCommerce's error shape whose message is HTML
/// (<c>&lt;p&gt;There has been a critical error on this website.&lt;/p&gt;</c>), and a host in trouble answers with a whole
/// HTML page; a user reads the sentence, not the markup.
/// </summary>
internal static partial class ErrorText
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

    [GeneratedRegex(@"<[!/]?[a-zA-Z][^>]*>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"<(?<element>head|script|style|title)\b[^>]*>.*?</\k<element>\s*>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"<title\b[^>]*>(?<title>.*?)</title\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Title();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Whitespace();
}
