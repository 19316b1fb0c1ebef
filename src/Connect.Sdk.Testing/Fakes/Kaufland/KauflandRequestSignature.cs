using System.Security.Cryptography;
using System.Text;

namespace Connect.Sdk.Testing.Fakes.Kaufland;

/// <summary>
/// Kaufland's request signature as the Seller API checks it: the lowercase hex HMAC-SHA256, keyed with the secret key,
/// of the method, the full URI with its query, the body (empty for a GET) and the <c>Shop-Timestamp</c>, joined by
/// newlines (https://sellerapi.kaufland.com/?page=rest-api#signing-requests and the PHP <c>signRequest</c> of
/// ?page=code-examples).
/// </summary>
public static class KauflandRequestSignature
{
    /// <summary>Computes the signature.</summary>
    /// <param name="method">The HTTP method in upper case.</param>
    /// <param name="uri">The full URI as sent, query included.</param>
    /// <param name="body">The body as sent, <c>""</c> for none.</param>
    /// <param name="timestamp">The <c>Shop-Timestamp</c> as sent (unix seconds).</param>
    /// <param name="secretKey">The secret key.</param>
    /// <returns>64 lowercase hex digits.</returns>
    public static string Compute(string method, string uri, string body, string timestamp, string secretKey)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        var signed = string.Join('\n', method, uri, body, timestamp);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(signed)));
    }
}
