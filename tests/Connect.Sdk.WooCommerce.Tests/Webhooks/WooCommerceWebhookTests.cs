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
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog") = f7bc83f4…3cd8, here in base64 as WooCommerce sends it.
        var key = AdapterTestLog.Secret("key");
        var headers = new Dictionary<string, string> { [WooCommerceWebhook.SignatureHeader] = "97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=" };

        Assert.True(WooCommerceWebhook.Verify(key, Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog"), headers));
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
}
