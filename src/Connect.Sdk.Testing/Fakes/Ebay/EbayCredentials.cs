namespace Connect.Sdk.Testing.Fakes.Ebay;

/// <summary>
/// What an eBay application and the seller who authorised it hold: the application's client id and secret (its
/// keyset's App ID and Cert ID) and the seller's refresh token from the authorization code grant.
/// </summary>
/// <param name="ClientId">The application's client id (App ID).</param>
/// <param name="ClientSecret">The application's client secret (Cert ID).</param>
/// <param name="RefreshToken">The seller's refresh token.</param>
public sealed record EbayCredentials(string ClientId, string ClientSecret, string RefreshToken)
{
    /// <summary>Hides the secret and the refresh token, so that a test's output never shows them.</summary>
    /// <returns>The client id and masked secrets.</returns>
    public override string ToString() => $"EbayCredentials {{ ClientId = {ClientId}, ClientSecret = ***, RefreshToken = *** }}";
}
