using System.Net.Http.Headers;
using Connect.Sdk.Http;

namespace Connect.Sdk.WooCommerce.Http;

/// <summary>
/// Puts the calling connection's consumer key and secret on each attempt as HTTP Basic credentials, which WooCommerce
/// takes over HTTPS. One connector client serves every connection, so the credentials travel with the request (the
/// endpoint's <see cref="MarketplaceRequest.Secrets"/>) rather than with the client. It runs inside pacing and retries,
/// so every attempt is authenticated afresh, and logs nothing.
/// </summary>
internal sealed class WooCommerceAuthenticationHandler : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Options.TryGetValue(MarketplaceRequest.Secrets, out var secrets) && WooCommerceCredentials.From(secrets) is { } credentials)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.BasicParameter());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
