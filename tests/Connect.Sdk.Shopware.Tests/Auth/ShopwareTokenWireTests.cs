using Connect.Sdk.Shopware.Wire;

namespace Connect.Sdk.Shopware.Tests.Auth;

/// <summary>The token request and answer never print their secret: a record's own <c>ToString</c> would, into any log or exception that formats them.</summary>
public sealed class ShopwareTokenWireTests
{
    [Fact]
    public void ToString_TokenRequest_ClientSecretMasked()
    {
        var text = new TokenRequestJson("client_credentials", "SWIAEXAMPLEID", "s3cr3t-Client-Secret").ToString();

        Assert.DoesNotContain("s3cr3t-Client-Secret", text, StringComparison.Ordinal);
        Assert.Contains("SWIAEXAMPLEID", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_TokenAnswer_AccessTokenMasked()
    {
        var text = new TokenJson("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.bearer", 600).ToString();

        Assert.DoesNotContain("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.bearer", text, StringComparison.Ordinal);
        Assert.Contains("600", text, StringComparison.Ordinal);
    }
}
