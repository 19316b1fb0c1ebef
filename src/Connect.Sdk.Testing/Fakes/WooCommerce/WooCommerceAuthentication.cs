using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;

namespace Connect.Sdk.Testing.Fakes.WooCommerce;

/// <summary>
/// WooCommerce's REST authentication (<c>WC_REST_Authentication</c>) for the fake's one API key: over HTTPS the key and
/// secret in the query string or as HTTP Basic, and in every case OAuth 1.0a one-legged signatures (HMAC-SHA1 or
/// HMAC-SHA256) in the query, a form body or the <c>Authorization</c> header, with WooCommerce's base string, its
/// 15-minute timestamp window and its record of used nonces.
/// </summary>
internal sealed partial class WooCommerceAuthentication(WooCommerceCredentials credentials, IClock clock, Uri home)
{
    private static readonly long WindowSeconds = (long)Duration.FromMinutes(15).TotalSeconds;
    private static readonly string[] RequiredOAuthParameters = ["oauth_consumer_key", "oauth_timestamp", "oauth_nonce", "oauth_signature", "oauth_signature_method"];

    // WooCommerce keeps a key's used nonces by their timestamp, so a later nonce of the same second replaces an earlier one.
    private readonly Dictionary<long, string> _usedNonces = [];

    /// <summary>Authenticates a request as WooCommerce does, before the route's own permission check.</summary>
    /// <param name="request">The request.</param>
    /// <param name="overHttps">Whether the shop sees the request as HTTPS (WordPress's <c>is_ssl()</c>).</param>
    /// <param name="refusal">The authentication error WooCommerce answers with (401), or <see langword="null"/>.</param>
    /// <returns>Whether the API key authenticated the request; <see langword="false"/> without a refusal means no credentials at all.</returns>
    public bool TryAuthenticate(FakeCall request, bool overHttps, out WooCommerceAuthenticationRefusal? refusal)
    {
        refusal = null;
        if (overHttps && TryBasic(request, ref refusal))
        {
            return refusal is null;
        }

        // As in WooCommerce, an error a failed Basic attempt recorded stands even when OAuth then succeeds.
        return TryOAuth(request, overHttps, ref refusal) && refusal is null;
    }

    // PHP's empty(): also "0".
    private static bool IsEmpty(string? value) => string.IsNullOrEmpty(value) || value == "0";

    // $_GET or $_POST as WooCommerce signs them: every name as sent (brackets included), the last value of a repeated one.
    private static Dictionary<string, string> PhpParameters(string encoded)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in UrlEncodedPairs.Read(encoded))
        {
            parameters[name] = value;
        }

        return parameters;
    }

    private static string Rfc3986(string value) => Uri.EscapeDataString(value);

    [GeneratedRegex("""(oauth_[a-z_-]*)=(:?"([^"]*)"|([^,]*))""", RegexOptions.CultureInvariant)]
    private static partial Regex OAuthHeaderParameter();

    private bool TryBasic(FakeCall request, ref WooCommerceAuthenticationRefusal? refusal)
    {
        var query = PhpParameters(request.RawQuery);
        string? key = null;
        string? secret = null;
        if (!IsEmpty(query.GetValueOrDefault("consumer_key")) && !IsEmpty(query.GetValueOrDefault("consumer_secret")))
        {
            key = query["consumer_key"];
            secret = query["consumer_secret"];
        }

        if (key is null && BasicCredentials(request) is var (user, password) && !IsEmpty(user) && !IsEmpty(password))
        {
            (key, secret) = (user, password);
        }

        // An unknown key fails without an error of its own: the route's permission check answers then.
        if (key is null || secret is null || !string.Equals(key, credentials.ConsumerKey, StringComparison.Ordinal))
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(credentials.ConsumerSecret)))
        {
            refusal = new("woocommerce_rest_authentication_error", "Consumer secret is invalid.");
            return false;
        }

        return true;
    }

    private static (string User, string Password)? BasicCredentials(FakeCall request)
    {
        if (!request.Headers.TryGetValue("Authorization", out var authorization)
            || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (pair, string.Empty) : (pair[..colon], pair[(colon + 1)..]);
        }
        catch (FormatException)
        {
            // Not base64: PHP sets no PHP_AUTH_USER, so there are no credentials.
            return null;
        }
    }

    private bool TryOAuth(FakeCall request, bool overHttps, ref WooCommerceAuthenticationRefusal? refusal)
    {
        if (OAuthParameters(request, ref refusal) is not { } parameters)
        {
            return false;
        }

        if (!string.Equals(parameters["oauth_consumer_key"], credentials.ConsumerKey, StringComparison.Ordinal))
        {
            refusal = new("woocommerce_rest_authentication_error", "Consumer key is invalid.");
            return false;
        }

        refusal = SignatureRefusal(request, parameters, overHttps) ?? TimestampAndNonceRefusal(parameters["oauth_timestamp"], parameters["oauth_nonce"]);
        return refusal is null;
    }

    // The parameters WooCommerce signs: $_GET, $_POST (a form body) and the OAuth parameters of the Authorization header.
    private static Dictionary<string, string>? OAuthParameters(FakeCall request, ref WooCommerceAuthenticationRefusal? refusal)
    {
        var parameters = PhpParameters(request.RawQuery);
        if (request.Headers.TryGetValue("Content-Type", out var contentType)
            && contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var (name, value) in PhpParameters(request.Body ?? string.Empty))
            {
                parameters[name] = value;
            }
        }

        if (request.Headers.TryGetValue("Authorization", out var header) && header.Trim().StartsWith("OAuth ", StringComparison.Ordinal))
        {
            foreach (Match match in OAuthHeaderParameter().Matches(header.Trim()))
            {
                var value = match.Groups[3].Value.Length == 0 ? match.Groups[4].Value : match.Groups[3].Value;
                parameters[match.Groups[1].Value] = WebUtility.UrlDecode(value);
            }
        }

        var missing = RequiredOAuthParameters.Where(name => IsEmpty(parameters.GetValueOrDefault(name))).ToArray();
        if (missing.Length == RequiredOAuthParameters.Length)
        {
            // None at all: the client is not trying OAuth.
            return null;
        }

        if (missing.Length > 0)
        {
            refusal = new(
                "woocommerce_rest_authentication_missing_parameter",
                $"Missing OAuth parameter{(missing.Length == 1 ? string.Empty : "s")} {string.Join(", ", missing)}");
            return null;
        }

        return parameters;
    }

    private WooCommerceAuthenticationRefusal? SignatureRefusal(FakeCall request, Dictionary<string, string> parameters, bool overHttps)
    {
        // The base string's URI is the shop's home URL (in the scheme the request came in) plus the request's path.
        var scheme = overHttps ? Uri.UriSchemeHttps : Uri.UriSchemeHttp;
        var baseUri = $"{scheme}://{home.Authority}/{request.Path.TrimStart('/')}";
        var claimed = Uri.UnescapeDataString(parameters["oauth_signature"].Replace(' ', '+'));
        var signed = parameters
            .Where(p => p.Key != "oauth_signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Rfc3986($"{Rfc3986(p.Key)}={Rfc3986(p.Value)}"));
        var stringToSign = $"{request.Method}&{Rfc3986(baseUri)}&{string.Join("%26", signed)}";

        var method = parameters["oauth_signature_method"];
        if (method is not ("HMAC-SHA1" or "HMAC-SHA256"))
        {
            return new("woocommerce_rest_authentication_error", "Invalid signature - signature method is invalid.");
        }

        var key = Encoding.UTF8.GetBytes(credentials.ConsumerSecret + "&");
        var data = Encoding.UTF8.GetBytes(stringToSign);
#pragma warning disable CA5350 // WooCommerce accepts HMAC-SHA1 signatures, so its fake must check them.
        var expected = Convert.ToBase64String(method == "HMAC-SHA1" ? HMACSHA1.HashData(key, data) : HMACSHA256.HashData(key, data));
#pragma warning restore CA5350
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(claimed))
            ? null
            : new("woocommerce_rest_authentication_error", "Invalid signature - provided signature does not match.");
    }

    private WooCommerceAuthenticationRefusal? TimestampAndNonceRefusal(string timestampText, string nonce)
    {
        var now = clock.GetCurrentInstant().ToUnixTimeSeconds();
        if (!long.TryParse(timestampText, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var timestamp)
            || timestamp < now - WindowSeconds || timestamp > now + WindowSeconds)
        {
            return new("woocommerce_rest_authentication_error", "Invalid timestamp.");
        }

        if (_usedNonces.ContainsValue(nonce))
        {
            return new("woocommerce_rest_authentication_error", "Invalid nonce - nonce has already been used.");
        }

        _usedNonces[timestamp] = nonce;
        foreach (var expired in _usedNonces.Keys.Where(t => t < now - WindowSeconds).ToArray())
        {
            _usedNonces.Remove(expired);
        }

        return null;
    }
}
