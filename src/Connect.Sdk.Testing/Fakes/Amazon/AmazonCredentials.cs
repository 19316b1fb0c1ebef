namespace Connect.Sdk.Testing.Fakes.Amazon;

/// <summary>
/// What a Selling Partner API application holds for one seller: its Login with Amazon (LWA) client id and
/// secret, the seller's refresh token, and the seller (merchant) id the Listings API puts in its paths.
/// </summary>
/// <param name="ClientId">The LWA client id (<c>amzn1.application-oa2-client.…</c>).</param>
/// <param name="ClientSecret">The LWA client secret; never printed.</param>
/// <param name="RefreshToken">The seller's LWA refresh token (<c>Atzr|…</c>); never printed.</param>
/// <param name="SellerId">The seller's merchant id, e.g. <c>A2EXAMPLE1SELLER</c>.</param>
public sealed record AmazonCredentials(string ClientId, string ClientSecret, string RefreshToken, string SellerId)
{
    /// <summary>The client and seller ids with the secrets masked, so a failing test's output never shows them.</summary>
    /// <returns>For example <c>amzn1.application-oa2-client.1 / A2EXAMPLE1SELLER / ***</c>.</returns>
    public override string ToString() => $"{ClientId} / {SellerId} / ***";
}
