using System.Net;
using System.Text;
using Connect.Sdk.Http;

namespace Connect.Sdk.Amazon.Tests.TestDoubles;

/// <summary>
/// A transport that answers the next request of one operation itself with 429 and a <c>Retry-After</c>, as a proxy or
/// gateway in front of Amazon may (Amazon documents none), and passes every other request to the fake.
/// </summary>
internal sealed class ThrottlingProxyTransport(string operation, int retryAfterSeconds) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _throttled;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(MarketplaceRequest.Operation, out var name) && name == operation && Interlocked.Exchange(ref _throttled, 1) == 0)
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
            {
                RequestMessage = request,
                Content = new StringContent("""{"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota for the requested resource."}]}""", Encoding.UTF8, "application/json"),
            };
            response.Headers.Add("Retry-After", retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Task.FromResult(response);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
