using System.Globalization;
using System.Net;
using System.Text;
using Connect.Sdk.Http;

namespace Connect.Sdk.Amazon.Tests.TestDoubles;

/// <summary>
/// A transport that answers the n-th request of one operation itself, as something between the connector and Amazon
/// may (a proxy, a gateway, a host in trouble), and passes every other request to the fake.
/// </summary>
internal sealed class StandInTransport(string operation, int nth, Func<HttpRequestMessage, HttpResponseMessage> answer) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _seen;

    /// <summary>The first request of the operation gets 429 with a <c>Retry-After</c> (Amazon documents none; a proxy may send one).</summary>
    public static StandInTransport TooManyRequests(string operation, int retryAfterSeconds) => new(operation, 1, request =>
    {
        var response = Answer(request, HttpStatusCode.TooManyRequests, """{"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota for the requested resource."}]}""", "application/json");
        response.Headers.Add("Retry-After", retryAfterSeconds.ToString(CultureInfo.InvariantCulture));
        return response;
    });

    /// <summary>The n-th request of the operation gets 200 with an HTML error page.</summary>
    public static StandInTransport HtmlPage(string operation, int nth) =>
        new(operation, nth, request => Answer(request, HttpStatusCode.OK, "<html><body><h1>Error establishing a database connection</h1></body></html>", "text/html"));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.Options.TryGetValue(MarketplaceRequest.Operation, out var name) && name == operation && Interlocked.Increment(ref _seen) == nth
            ? Task.FromResult(answer(request))
            : base.SendAsync(request, cancellationToken);

    private static HttpResponseMessage Answer(HttpRequestMessage request, HttpStatusCode status, string body, string mediaType) =>
        new(status) { RequestMessage = request, Content = new StringContent(body, Encoding.UTF8, mediaType) };
}
