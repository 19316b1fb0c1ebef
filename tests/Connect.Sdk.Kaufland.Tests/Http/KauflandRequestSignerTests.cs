using Connect.Sdk.Kaufland.Http;

namespace Connect.Sdk.Kaufland.Tests.Http;

/// <summary>The request signature against Kaufland's published example.</summary>
public sealed class KauflandRequestSignerTests
{
    [Fact]
    public void Sign_PublishedExample_EqualsThePublishedSignature()
    {
        // The example of https://sellerapi.kaufland.com/?page=rest-api#signing-requests: its example secret key, a POST to
        // /v2/units/ with an empty body at timestamp 1411055926.
        var signature = KauflandRequestSigner.Sign(
            "POST",
            "https://sellerapi.kaufland.com/v2/units/",
            string.Empty,
            1411055926,
            "a7d0cb1da1ddbc86c96ee5fedd341b7d8ebfbb2f5c83cfe0909f4e57f05dd403");

        Assert.Equal("da0b65f51c0716c1d3fa658b7eaf710583630a762a98c9af8e9b392bd9df2e2a", signature);
    }

    [Fact]
    public void Sign_EachPartChanged_GivesAnotherSignature()
    {
        const string secret = "a7d0cb1da1ddbc86c96ee5fedd341b7d8ebfbb2f5c83cfe0909f4e57f05dd403";
        var published = KauflandRequestSigner.Sign("POST", "https://sellerapi.kaufland.com/v2/units/", string.Empty, 1411055926, secret);

        Assert.NotEqual(published, KauflandRequestSigner.Sign("PATCH", "https://sellerapi.kaufland.com/v2/units/", string.Empty, 1411055926, secret));
        Assert.NotEqual(published, KauflandRequestSigner.Sign("POST", "https://sellerapi.kaufland.com/v2/units/?storefront=de", string.Empty, 1411055926, secret));
        Assert.NotEqual(published, KauflandRequestSigner.Sign("POST", "https://sellerapi.kaufland.com/v2/units/", "{}", 1411055926, secret));
        Assert.NotEqual(published, KauflandRequestSigner.Sign("POST", "https://sellerapi.kaufland.com/v2/units/", string.Empty, 1411055927, secret));
        Assert.Matches("^[0-9a-f]{64}$", published);
    }
}
