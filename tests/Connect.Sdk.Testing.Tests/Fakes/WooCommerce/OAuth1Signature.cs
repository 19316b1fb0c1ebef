using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Connect.Sdk.Testing.Tests.Fakes.WooCommerce;

/// <summary>
/// Signs a request as an OAuth 1.0a one-legged client does (RFC 5849 3.4: parameters encoded, sorted, joined, encoded
/// again into the base string; HMAC keyed with "secret&amp;"), written from the RFC, not from the fake.
/// </summary>
internal static class OAuth1Signature
{
    /// <summary>The OAuth parameters for a request, <c>oauth_signature</c> included.</summary>
    public static SortedDictionary<string, string> Parameters(
        string method, Uri url, string key, string secret, Instant at, string nonce, string signatureMethod = "HMAC-SHA256", string? signWith = null)
    {
        var oauth = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["oauth_consumer_key"] = key,
            ["oauth_nonce"] = nonce,
            ["oauth_signature_method"] = signatureMethod,
            ["oauth_timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["oauth_version"] = "1.0",
        };
        var signed = oauth.Select(p => (Name: Encode(p.Key), Value: Encode(p.Value))).ToList();
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            signed.Add((Encode(Uri.UnescapeDataString(parts[0])), Encode(Uri.UnescapeDataString(parts.Length > 1 ? parts[1] : string.Empty))));
        }

        var parameterString = string.Join("&", signed.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value}"));
        var baseUri = url.GetLeftPart(UriPartial.Path);
        var baseString = $"{method}&{Encode(baseUri)}&{Encode(parameterString)}";
        var hmacKey = Encoding.UTF8.GetBytes($"{Encode(signWith ?? secret)}&");
        var data = Encoding.UTF8.GetBytes(baseString);
#pragma warning disable CA5350 // OAuth 1.0a's HMAC-SHA1, as clients send it.
        var hash = signatureMethod == "HMAC-SHA1" ? HMACSHA1.HashData(hmacKey, data) : HMACSHA256.HashData(hmacKey, data);
#pragma warning restore CA5350
        oauth["oauth_signature"] = Convert.ToBase64String(hash);
        return oauth;
    }

    /// <summary>The URL with the OAuth parameters added to its query, as WooCommerce's JavaScript client sends them over HTTP.</summary>
    public static Uri InQuery(Uri url, IEnumerable<KeyValuePair<string, string>> oauth)
    {
        var query = string.Join("&", oauth.Select(p => $"{Encode(p.Key)}={Encode(p.Value)}"));
        return new Uri(url + (url.Query.Length == 0 ? "?" : "&") + query);
    }

    /// <summary>The <c>Authorization: OAuth …</c> header value.</summary>
    public static string Header(IEnumerable<KeyValuePair<string, string>> oauth) =>
        "OAuth " + string.Join(", ", oauth.Select(p => $"{Encode(p.Key)}=\"{Encode(p.Value)}\""));

    private static string Encode(string value) => Uri.EscapeDataString(value);
}
