using System.Net;
using System.Text;

namespace Connect.Sdk.Otto.Tests.TestSupport;

/// <summary>
/// A proxy in front of OTTO that answers the order list with an error page echoing the request's <c>Authorization</c>
/// header, as misconfigured proxies do; it keeps the token it saw. Every other request goes through to the fake.
/// </summary>
internal sealed class EchoAuthorizationTransport() : DelegatingHandler(new SocketsHttpHandler())
{
    public string? SeenToken { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri?.AbsolutePath != "/v4/orders" || request.Headers.Authorization is not { } authorization)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        SeenToken = authorization.Parameter;
        return new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent($"<html><body>Bad request. Request headers: Authorization: {authorization}</body></html>", Encoding.UTF8, "text/html"),
        };
    }
}
