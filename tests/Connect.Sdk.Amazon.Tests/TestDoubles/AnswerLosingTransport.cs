using Connect.Sdk.Http;

namespace Connect.Sdk.Amazon.Tests.TestDoubles;

/// <summary>
/// A transport that delivers the next request of one operation to the fake and then loses the answer, as a connection
/// that drops after the server has done the work: the write landed, but the client cannot know.
/// </summary>
internal sealed class AnswerLosingTransport(string operation) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _lost;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.Options.TryGetValue(MarketplaceRequest.Operation, out var name) && name == operation && Interlocked.Exchange(ref _lost, 1) == 0)
        {
            response.Dispose();
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
        }

        return response;
    }
}
