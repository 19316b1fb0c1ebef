using Connect.Sdk.Http;

namespace Connect.Sdk.WooCommerce.Webhooks;

/// <summary>
/// Checks that a webhook delivery comes from the shop: WooCommerce signs the raw body with the webhook's secret and
/// sends <c>X-WC-Webhook-Signature</c> = base64(HMAC-SHA256(secret, body)). Verify before parsing the body.
/// </summary>
public static class WooCommerceWebhook
{
    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeader = "X-WC-Webhook-Signature";

    /// <summary>The header that names the event, e.g. <c>order.updated</c>.</summary>
    public const string TopicHeader = "X-WC-Webhook-Topic";

    /// <summary>Verifies a delivery's signature in constant time; an empty secret is refused.</summary>
    /// <param name="secret">The webhook's secret, as entered in WooCommerce → Settings → Advanced → Webhooks; not empty.</param>
    /// <param name="rawBody">The body exactly as received; re-serialised JSON does not match.</param>
    /// <param name="headers">The delivery's headers; the name is matched ignoring case.</param>
    /// <returns><see langword="true"/> when the signature header is present and matches the body.</returns>
    /// <exception cref="ArgumentException">The secret is empty.</exception>
    public static bool Verify(string secret, ReadOnlySpan<byte> rawBody, IEnumerable<KeyValuePair<string, string>> headers) =>
        Verify(secret, rawBody, headers, allowEmptySecret: false);

    /// <summary>Verifies a delivery's signature in constant time, an empty secret too when <paramref name="allowEmptySecret"/> says so.</summary>
    /// <param name="secret">The webhook's secret, as entered in WooCommerce → Settings → Advanced → Webhooks.</param>
    /// <param name="rawBody">The body exactly as received; re-serialised JSON does not match.</param>
    /// <param name="headers">The delivery's headers; the name is matched ignoring case.</param>
    /// <param name="allowEmptySecret">
    /// Whether an empty <paramref name="secret"/> is checked instead of refused. WooCommerce signs with an empty secret
    /// when the webhook has none (its own signature test does so); such a signature anyone can forge, so a production
    /// receiver leaves this off and fails loudly on a webhook configured without a secret.
    /// </param>
    /// <returns><see langword="true"/> when the signature header is present and matches the body.</returns>
    /// <exception cref="ArgumentException">The secret is empty and <paramref name="allowEmptySecret"/> is not set.</exception>
    public static bool Verify(string secret, ReadOnlySpan<byte> rawBody, IEnumerable<KeyValuePair<string, string>> headers, bool allowEmptySecret)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var signature = headers.FirstOrDefault(h => string.Equals(h.Key, SignatureHeader, StringComparison.OrdinalIgnoreCase)).Value;
        return WebhookSignature.Verify(secret, rawBody, signature, allowEmptySecret);
    }
}
