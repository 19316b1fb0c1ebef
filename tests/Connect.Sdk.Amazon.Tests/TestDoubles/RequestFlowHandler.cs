namespace Connect.Sdk.Amazon.Tests.TestDoubles;

/// <summary>
/// The outermost handler of the connector's client in the pacing tests: each request, from here until its answer
/// is back, is one of the <see cref="RequestFlows"/> that fake time waits for.
/// </summary>
internal sealed class RequestFlowHandler(RequestFlows flows) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var flow = flows.Begin();
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
