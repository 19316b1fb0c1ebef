namespace Connect.Sdk.Otto.Tests.TestSupport;

/// <summary>The transport to the fake, running an action right after each matching request was answered (the n-th answer's number given).</summary>
internal sealed class AfterAnswerHandler(Func<HttpRequestMessage, bool> matches, Action<int> action) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _answered;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (matches(request))
        {
            action(Interlocked.Increment(ref _answered));
        }

        return response;
    }
}
