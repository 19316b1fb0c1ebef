namespace Connect.Sdk.WooCommerce.Tests.TestSupport;

/// <summary>
/// The transport to the fake, except that matching requests are sent, answered by the shop, and then fail as if the
/// connection dropped before the answer arrived: the write landed and the connector cannot know it.
/// </summary>
internal sealed class AnswerLosingHandler(Func<HttpRequestMessage, bool> matches, int times) : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly int _times = times;
    private int _left = times;

    /// <summary>How many answers were lost.</summary>
    public int Lost => _times - Math.Max(_left, 0);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (matches(request) && Interlocked.Decrement(ref _left) >= 0)
        {
            response.Dispose();
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
        }

        return response;
    }
}
