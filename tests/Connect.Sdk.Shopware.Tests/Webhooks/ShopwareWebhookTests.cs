using System.Text;
using Connect.Sdk.Shopware.Webhooks;

namespace Connect.Sdk.Shopware.Tests.Webhooks;

/// <summary>The app webhook signature: lowercase hex HMAC-SHA256 of the raw body in <c>shopware-shop-signature</c>.</summary>
public sealed class ShopwareWebhookTests
{
    // The vector: key "secret" over body "body".
    private const string Vector = "dc46983557fea127b43af721467eb9b3fde2338fe3e14f51952aa8478c13d355";

    [Fact]
    public void Verify_PublishedVector_Passes() =>
        Assert.True(ShopwareWebhook.Verify("secret", Encoding.UTF8.GetBytes("body"), [new("Shopware-Shop-Signature", Vector)]));

    [Fact]
    public void Verify_OtherBody_Fails() =>
        Assert.False(ShopwareWebhook.Verify("secret", Encoding.UTF8.GetBytes("body "), [new("shopware-shop-signature", Vector)]));

    [Fact]
    public void Verify_NoSignatureHeader_Fails() =>
        Assert.False(ShopwareWebhook.Verify("secret", Encoding.UTF8.GetBytes("body"), [new("sw-version", "6.6.10.0")]));

    [Fact]
    public void Verify_EmptySecret_Throws() =>
        Assert.Throws<ArgumentException>(() => ShopwareWebhook.Verify(string.Empty, Encoding.UTF8.GetBytes("body"), [new("shopware-shop-signature", Vector)]));
}
