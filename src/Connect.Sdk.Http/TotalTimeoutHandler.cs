namespace Connect.Sdk.Http;

/// <summary>
/// Bounds a request and all its retries. It sits outside the resilience handler instead of being Polly's outer
/// timeout because Polly fixes a timeout when the execution starts, and a server's <c>Retry-After</c> (Amazon and
/// Shopify may ask for minutes) must be able to push the deadline out; the retry strategy extends it through the
/// <see cref="TotalTimeout"/> it finds on the request.
/// </summary>
internal sealed class TotalTimeoutHandler(TimeSpan limit, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var deadline = new TotalTimeout(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        request.Options.Set(TotalTimeout.Key, deadline);
        try
        {
            return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (deadline.HasExpired && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"{request.Method} gave up after the total timeout of {deadline.Limit} plus {deadline.Extension} the server asked to wait.",
                exception);
        }
    }
}
