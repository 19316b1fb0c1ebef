using System.Text;
using System.Text.Json;

namespace Connect.Sdk.Ebay.Notifications;

/// <summary>The decoded <c>X-EBAY-SIGNATURE</c> header: base64 of <c>{alg, kid, signature, digest}</c>.</summary>
/// <param name="Algorithm">The signature algorithm, <c>ecdsa</c>.</param>
/// <param name="KeyId">The id of the public key to verify with.</param>
/// <param name="Signature">The DER-encoded signature.</param>
/// <param name="Digest">The digest, <c>SHA1</c>.</param>
internal sealed record EbaySignatureHeader(string Algorithm, string KeyId, byte[] Signature, string Digest)
{
    /// <summary>Decodes a header; anything but eBay's shape is no header.</summary>
    /// <param name="value">The header's value.</param>
    /// <returns>The header, or <see langword="null"/> when it is missing or malformed.</returns>
    public static EbaySignatureHeader? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(value.Trim())));
            var root = json.RootElement;
            var algorithm = Text(root, "alg");
            var keyId = Text(root, "kid");
            var signature = Text(root, "signature");
            var digest = Text(root, "digest");
            return algorithm is null || keyId is null || signature is null || digest is null
                ? null
                : new EbaySignatureHeader(algorithm, keyId, Convert.FromBase64String(signature), digest);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
