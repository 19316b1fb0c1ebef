using Connect.Sdk.Http;

namespace Connect.Sdk.Shopware.Webhooks;

/// <summary>
/// Checks that an app webhook delivery comes from the shop: Shopware signs the raw body with the app's secret and sends
/// <c>shopware-shop-signature</c> = lowercase hex HMAC-SHA256(secret, body). Verify before parsing the body.
/// </summary>
public static class ShopwareWebhook
{
    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeader = "shopware-shop-signature";

    /// <summary>Verifies a delivery's signature in constant time; an empty secret is refused.</summary>
    /// <param name="appSecret">The app's secret (the app manifest's secret, or the one the shop got at registration); not empty.</param>
    /// <param name="rawBody">The body exactly as received; re-serialised JSON does not match.</param>
    /// <param name="headers">The delivery's headers; the name is matched ignoring case.</param>
    /// <returns><see langword="true"/> when the signature header is present and matches the body.</returns>
    /// <exception cref="ArgumentException">The secret is empty.</exception>
    public static bool Verify(string appSecret, ReadOnlySpan<byte> rawBody, IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var signature = headers.FirstOrDefault(h => string.Equals(h.Key, SignatureHeader, StringComparison.OrdinalIgnoreCase)).Value;
        return WebhookSignature.Verify(appSecret, rawBody, signature);
    }
}
