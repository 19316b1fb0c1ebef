using System.Net.Http.Headers;

namespace Connect.Sdk.WooCommerce.Http;

/// <summary>
/// Puts the calling connection's consumer key and secret on each request as HTTP Basic credentials, which WooCommerce
/// takes over HTTPS. One connector client serves every connection, so the credentials travel with the request
/// (<see cref="Credentials"/>) rather than with the client. It runs inside pacing and retries, and logs nothing.
/// </summary>
internal sealed class WooCommerceAuthenticationHandler : DelegatingHandler
{
    /// <summary>The request option that carries the connection's credentials to this handler.</summary>
    public static readonly HttpRequestOptionsKey<WooCommerceCredentials> Credentials = new("Connect.Sdk.WooCommerce.Credentials");

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Options.TryGetValue(Credentials, out var credentials))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.BasicParameter());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
