namespace Connect.Sdk.WooCommerce.Tests.TestSupport;

/// <summary>The transport to the fake, running an action once, right after the first matching request was answered.</summary>
internal sealed class AfterFirstAnswerHandler(Func<HttpRequestMessage, bool> matches, Action action) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _done;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (matches(request) && Interlocked.Exchange(ref _done, 1) == 0)
        {
            action();
        }

        return response;
    }
}
