using Polly.Timeout;

namespace Connect.Sdk.Http;

/// <summary>
/// Bounds one attempt's time on the wire. It sits inside pacing, so the wait for the account's budget (a minute and
/// more for Amazon's getOrders) never counts against the attempt: only the marketplace's answer does. It throws Polly's
/// <see cref="TimeoutRejectedException"/>, which the retry strategy treats like Polly's own attempt timeout.
/// </summary>
internal sealed class AttemptTimeoutHandler(TimeSpan timeout, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var attempt = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attempt.Token);
        try
        {
            return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutRejectedException($"The attempt got no answer within {timeout}.", timeout, exception);
        }
    }
}
