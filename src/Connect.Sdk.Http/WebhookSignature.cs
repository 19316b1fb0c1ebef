using System.Security.Cryptography;
using System.Text;

namespace Connect.Sdk.Http;

/// <summary>
/// Checks the HMAC-SHA256 signature a marketplace puts on a webhook: base64 for Shopify
/// (<c>X-Shopify-Hmac-Sha256</c>) and WooCommerce (<c>X-WC-Webhook-Signature</c>), lowercase hex for Shopware
/// (<c>shopware-shop-signature</c>).
/// </summary>
public static class WebhookSignature
{
    // SHA-256 gives 32 bytes: 64 hex digits or 44 base64 characters, so the two encodings cannot be confused.
    private const int HexLength = 64;

    /// <summary>
    /// Whether <paramref name="signatureHeader"/> is the HMAC-SHA256 of <paramref name="payload"/> under
    /// <paramref name="secret"/>, in base64 or hex. The comparison takes the same time however much of it matches.
    /// An empty secret is refused.
    /// </summary>
    /// <param name="secret">The shared secret (UTF-8); not empty.</param>
    /// <param name="payload">The raw request body exactly as received; re-serialised JSON will not match.</param>
    /// <param name="signatureHeader">The header's value.</param>
    /// <returns><see langword="true"/> if the signature is valid; <see langword="false"/> if it is not or is malformed.</returns>
    /// <exception cref="ArgumentException">The secret is empty.</exception>
    public static bool Verify(string secret, ReadOnlySpan<byte> payload, string? signatureHeader) =>
        Verify(secret, payload, signatureHeader, allowEmptySecret: false);

    /// <summary>
    /// Whether <paramref name="signatureHeader"/> is the HMAC-SHA256 of <paramref name="payload"/> under
    /// <paramref name="secret"/>, in base64 or hex, with an empty secret checked when <paramref name="allowEmptySecret"/>
    /// says so. The comparison takes the same time however much of it matches.
    /// </summary>
    /// <param name="secret">The shared secret (UTF-8).</param>
    /// <param name="payload">The raw request body exactly as received; re-serialised JSON will not match.</param>
    /// <param name="signatureHeader">The header's value.</param>
    /// <param name="allowEmptySecret">
    /// Whether an empty <paramref name="secret"/> is checked (as WooCommerce signs a webhook that has no secret) instead
    /// of refused. Anyone can sign with an empty secret, so a receiver that trusts such a signature trusts every sender:
    /// allow it only to check a delivery known to be unprotected, such as a test delivery.
    /// </param>
    /// <returns><see langword="true"/> if the signature is valid; <see langword="false"/> if it is not or is malformed.</returns>
    /// <exception cref="ArgumentException">The secret is empty and <paramref name="allowEmptySecret"/> is not set.</exception>
    public static bool Verify(string secret, ReadOnlySpan<byte> payload, string? signatureHeader, bool allowEmptySecret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length == 0 && !allowEmptySecret)
        {
            throw new ArgumentException(
                "The webhook secret is empty: anyone can sign a delivery with an empty secret, so its signature proves nothing. Configure the webhook's secret, or pass allowEmptySecret: true to check a delivery known to be unsigned by a secret (a test delivery).",
                nameof(secret));
        }

        if (string.IsNullOrWhiteSpace(signatureHeader) || !TryDecode(signatureHeader.Trim(), out var claimed))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload, expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimed);
    }

    private static bool TryDecode(string signature, out byte[] bytes)
    {
        try
        {
            bytes = signature.Length == HexLength ? Convert.FromHexString(signature) : Convert.FromBase64String(signature);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
