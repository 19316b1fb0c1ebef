using System.Text.Encodings.Web;
using System.Text.Json;

namespace Connect.Sdk.Ebay.Notifications;

/// <summary>
/// The bytes eBay's notification SDKs verify a signature over: not the body as received but the parsed message written
/// again as JavaScript's <c>JSON.stringify</c> writes it (eBay's Node.js SDK, <c>lib/validator.js</c>:
/// <c>verifier.update(JSON.stringify(message))</c> on the body <c>express.json()</c> parsed) — no whitespace, members in
/// their order, non-ASCII characters unescaped.
/// </summary>
internal static class EbaySignedBytes
{
    private static readonly JsonWriterOptions AsJavaScriptWrites = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>The body written again as <c>JSON.stringify</c> would, or <see langword="null"/> when it is not JSON.</summary>
    /// <param name="body">The body as received.</param>
    /// <returns>The compact UTF-8 bytes.</returns>
    public static byte[]? Restringified(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, AsJavaScriptWrites))
            {
                document.WriteTo(writer);
            }

            return buffer.ToArray();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
