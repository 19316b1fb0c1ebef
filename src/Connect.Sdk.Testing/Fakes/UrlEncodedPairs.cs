using System.Net;

namespace Connect.Sdk.Testing.Fakes;

/// <summary>
/// An <c>application/x-www-form-urlencoded</c> text (a query string or a form body) as its name and value pairs: split
/// on <c>&amp;</c>, each name and value decoded (<c>+</c> is a space), a pair without <c>=</c> an empty value, an empty
/// name skipped. What a repeated name means is the reader's to decide.
/// </summary>
internal static class UrlEncodedPairs
{
    /// <summary>The decoded pairs in the order sent; a leading <c>?</c> is ignored.</summary>
    public static IEnumerable<(string Name, string Value)> Read(string? encoded)
    {
        foreach (var pair in (encoded ?? string.Empty).TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = WebUtility.UrlDecode(equals < 0 ? pair : pair[..equals]);
            if (name.Length > 0)
            {
                yield return (name, equals < 0 ? string.Empty : WebUtility.UrlDecode(pair[(equals + 1)..]));
            }
        }
    }
}
