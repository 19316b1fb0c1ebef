using System.Net;
using System.Text;

namespace Connect.Sdk.Shopware.Tests.TestSupport;

/// <summary>
/// A proxy in front of the shop that answers the version check with an error page echoing the request's
/// <c>Authorization</c> header, as misconfigured proxies do; it keeps the token it saw.
/// </summary>
internal sealed class EchoAuthorizationHandler : DelegatingHandler
{
    public string? SeenToken { get; private set; }

    /// <summary>Whether the proxy misbehaves yet; off while the connection is set up.</summary>
    public bool Armed { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!Armed || request.RequestUri?.AbsolutePath.EndsWith("/_info/version", StringComparison.Ordinal) != true || request.Headers.Authorization is not { } authorization)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        SeenToken = authorization.Parameter;
        return new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            Content = new StringContent($"<html><body>Bad gateway. Request headers: Authorization: {authorization}</body></html>", Encoding.UTF8, "text/html"),
        };
    }
}
