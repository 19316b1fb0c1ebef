using System.Text;
using System.Text.Json;

namespace Connect.Sdk.Http.Tests;

public sealed class WebhookSignatureTests
{
    // WooCommerce-style: base64(HMAC-SHA256(secret, raw body)), computed independently for this test.
    private const string WooSecret = "wc_webhook_secret_5f2b";
    private const string WooBody = "{\"id\":1234,\"status\":\"processing\",\"total\":\"29.35\"}";
    private const string WooSignature = "pfqc/W6OG78CIuFmcPiNvS0UfgfV/pp3WnAmZdtd9nE=";

    // Shopware-style: lowercase hex of the same HMAC.
    private const string ShopwareSecret = "shopware_app_secret";
    private const string ShopwareBody = "{\"data\":{\"payload\":[],\"event\":\"order.placed\"}}";
    private const string ShopwareSignature = "1bae468e3058fbe599598897cc6e89c01d29c152d0ae3ebbe02c55aa89fe281d";

    [Fact]
    public void Verify_ShopifyTestVector_IsValid()
    {
        using var vector = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "shopify_webhook_hmac_test_vector.json")));
        var root = vector.RootElement;

        Assert.True(WebhookSignature.Verify(
            root.GetProperty("secret").GetString()!,
            Encoding.UTF8.GetBytes(root.GetProperty("raw_body").GetString()!),
            root.GetProperty("X-Shopify-Hmac-Sha256").GetString()));
    }

    [Fact]
    public void Verify_EmptySecretAllowed_ChecksWooCommercesVector()
    {
        // WooCommerce's test_generate_signature (tests/legacy/unit-tests/webhooks/crud.php): no secret, body "secret".
        const string signature = "GBDo00G55h6IiV+6CxqivQPLbI//KzaOZm747971tPs=";

        Assert.True(WebhookSignature.Verify(string.Empty, "secret"u8, signature, allowEmptySecret: true));
        Assert.False(WebhookSignature.Verify(string.Empty, "secrets"u8, signature, allowEmptySecret: true));
    }

    [Fact]
    public void Verify_EmptySecretNotAllowed_ThrowsEvenForAValidSignature()
    {
        var refusal = Assert.Throws<ArgumentException>(() => WebhookSignature.Verify(string.Empty, "secret"u8, "GBDo00G55h6IiV+6CxqivQPLbI//KzaOZm747971tPs="));

        Assert.Contains("allowEmptySecret", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WooSecret, WooBody, WooSignature)]
    [InlineData(ShopwareSecret, ShopwareBody, ShopwareSignature)]
    [InlineData(ShopwareSecret, ShopwareBody, " 1BAE468E3058FBE599598897CC6E89C01D29C152D0AE3EBBE02C55AA89FE281D ")]
    public void Verify_ComputedVectors_AreValid(string secret, string body, string signature) =>
        Assert.True(WebhookSignature.Verify(secret, Encoding.UTF8.GetBytes(body), signature));

    [Theory]
    [InlineData(WooSecret, WooBody + " ", WooSignature)] // the body changed by a byte
    [InlineData("another_secret", WooBody, WooSignature)]
    // One character changed at the start: the last one before "=" carries unused padding bits that decoders ignore.
    [InlineData(WooSecret, WooBody, "qfqc/W6OG78CIuFmcPiNvS0UfgfV/pp3WnAmZdtd9nE=")]
    [InlineData(WooSecret, WooBody, "not base64 at all!")]
    [InlineData(WooSecret, WooBody, "")]
    [InlineData(WooSecret, WooBody, null)]
    [InlineData(ShopwareSecret, ShopwareBody, "zz" + "ae468e3058fbe599598897cc6e89c01d29c152d0ae3ebbe02c55aa89fe281d")]
    [InlineData(WooSecret, WooBody, "cGZxYw==")] // valid base64, wrong length
    public void Verify_WrongOrMalformedSignature_IsInvalid(string secret, string body, string? signature) =>
        Assert.False(WebhookSignature.Verify(secret, Encoding.UTF8.GetBytes(body), signature));

    [Fact]
    public void Verify_WithoutAllowEmptySecret_IsItsOwnOverload_SoCallersCompiledAgainstItKeepWorking()
    {
        // A default parameter is compiled into the caller: binaries built against Verify(secret, body, signature) need
        // that very method, not one with a fourth optional parameter.
        var threeParameters = typeof(WebhookSignature).GetMethod(nameof(WebhookSignature.Verify), [typeof(string), typeof(ReadOnlySpan<byte>), typeof(string)]);

        Assert.NotNull(threeParameters);
        Assert.All(typeof(WebhookSignature).GetMethods().Where(m => m.Name == nameof(WebhookSignature.Verify)).SelectMany(m => m.GetParameters()), p => Assert.False(p.IsOptional));
    }
}
