namespace Connect.Sdk.Amazon.Tests.TestDoubles;

/// <summary>
/// The outermost handler of the connector's client in the pacing tests: marks each request's async flow, so
/// <see cref="WaitCountingTime"/> can tell which request a fired wait released, and whether that very request has
/// moved on.
/// </summary>
internal sealed class RequestFlowHandler(WaitCountingTime time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var flow = time.BeginFlow();
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // A request that ends without reaching the wire again (cancelled, given up) holds time no longer.
            flow.End();
        }
    }
}
