using System.Security.Cryptography;
using System.Text;
using Connect.Sdk.TestSupport;
using Connect.Sdk.WooCommerce.Tests.TestSupport;
using Connect.Sdk.WooCommerce.Webhooks;

namespace Connect.Sdk.WooCommerce.Tests.Webhooks;

public sealed class WooCommerceWebhookTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":727,"number":"727","status":"processing","total":"29.35"}""");

    [Fact]
    public void Verify_PublishedHmacSha256Vector_Matches()
    {
        // RFC 4231 test case 2: HMAC-SHA256("Jefe", "what do ya want for nothing?") = 5bdcc146…3843, in base64 as WooCommerce sends it.
        var secret = AdapterTestLog.Secret("Jefe");
        var headers = new Dictionary<string, string> { [WooCommerceWebhook.SignatureHeader] = "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=" };

        Assert.True(WooCommerceWebhook.Verify(secret, Encoding.UTF8.GetBytes("what do ya want for nothing?"), headers));
    }

    [Fact]
    public void Verify_WooCommercesEmptySecretVector_MatchesWhenEmptySecretAllowed()
    {
        // WooCommerce's own test_generate_signature: a webhook without a secret signs the body "secret" so.
        var headers = new Dictionary<string, string> { [WooCommerceWebhook.SignatureHeader] = "GBDo00G55h6IiV+6CxqivQPLbI//KzaOZm747971tPs=" };

        Assert.True(WooCommerceWebhook.Verify(string.Empty, "secret"u8, headers, allowEmptySecret: true));
        Assert.False(WooCommerceWebhook.Verify(string.Empty, "secret!"u8, headers, allowEmptySecret: true));
    }

    [Fact]
    public void Verify_EmptySecretNotAllowed_ThrowsNamingTheRisk()
    {
        var headers = new Dictionary<string, string> { [WooCommerceWebhook.SignatureHeader] = "GBDo00G55h6IiV+6CxqivQPLbI//KzaOZm747971tPs=" };

        var refusal = Assert.Throws<ArgumentException>(() => WooCommerceWebhook.Verify(string.Empty, "secret"u8, headers));

        Assert.Equal("secret", refusal.ParamName);
        Assert.Contains("anyone can sign", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("allowEmptySecret", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SignatureComputedOverTheRawBody_Matches_HeaderNameIgnoresCase()
    {
        var headers = new Dictionary<string, string>
        {
            ["x-wc-webhook-signature"] = Sign(WooTestKeys.WebhookSecret, Body),
            [WooCommerceWebhook.TopicHeader] = "order.updated",
        };

        Assert.True(WooCommerceWebhook.Verify(WooTestKeys.WebhookSecret, Body, headers));
    }

    [Fact]
    public void Verify_TamperedBody_Fails()
    {
        var headers = new Dictionary<string, string> { [WooCommerceWebhook.SignatureHeader] = Sign(WooTestKeys.WebhookSecret, Body) };
        var tampered = Encoding.UTF8.GetBytes("""{"id":727,"number":"727","status":"processing","total":"0.01"}""");

        Assert.False(WooCommerceWebhook.Verify(WooTestKeys.WebhookSecret, tampered, headers));
    }

    [Fact]
    public void Verify_OtherSecretOrNoHeader_Fails()
    {
        var signed = new Dictionary<string, string> { [WooCommerceWebhook.SignatureHeader] = Sign(WooTestKeys.WebhookSecret, Body) };

        Assert.False(WooCommerceWebhook.Verify(WooTestKeys.WrongSecret, Body, signed));
        Assert.False(WooCommerceWebhook.Verify(WooTestKeys.WebhookSecret, Body, new Dictionary<string, string>()));
    }

    private static string Sign(string secret, byte[] body) => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    [Fact]
    public void Verify_WithoutAllowEmptySecret_IsItsOwnOverload_SoCallersCompiledAgainstItKeepWorking()
    {
        // A default parameter is compiled into the caller: binaries built against Verify(secret, body, signature) need
        // that very method, not one with a fourth optional parameter.
        var threeParameters = typeof(WooCommerceWebhook).GetMethod(nameof(WooCommerceWebhook.Verify), [typeof(string), typeof(ReadOnlySpan<byte>), typeof(IEnumerable<KeyValuePair<string, string>>)]);

        Assert.NotNull(threeParameters);
        Assert.All(typeof(WooCommerceWebhook).GetMethods().Where(m => m.Name == nameof(WooCommerceWebhook.Verify)).SelectMany(m => m.GetParameters()), p => Assert.False(p.IsOptional));
    }
}
