using Connect.Sdk.Settings;

namespace Connect.Sdk.Shopify.Http;

/// <summary>
/// Puts the connection's Admin API access token into the <c>X-Shopify-Access-Token</c> header. The token travels
/// with the request (one client serves every connection) and is set here, inside pacing and retries, so nothing
/// outside the transport ever holds the header; it is never logged.
/// </summary>
internal sealed class ShopifyAccessTokenHandler : DelegatingHandler
{
    /// <summary>The header Shopify reads the token from.</summary>
    public const string HeaderName = "X-Shopify-Access-Token";

    /// <summary>The request option that carries the connection's token to this handler.</summary>
    public static readonly HttpRequestOptionsKey<SecretValue> AccessToken = new("Connect.Sdk.Shopify.AccessToken");

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Options.TryGetValue(AccessToken, out var token))
        {
            request.Headers.Remove(HeaderName);
            request.Headers.TryAddWithoutValidation(HeaderName, token.Reveal());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
