namespace Connect.Sdk.Mirakl.Tests.TestSupport;

/// <summary>
/// Plays a change on Mirakl while the connector reads: once armed, the first request whose path and query contain
/// <paramref name="pathPart"/> first runs <paramref name="change"/> (e.g. the operator's platform moving an order on),
/// then goes to Mirakl.
/// </summary>
/// <param name="pathPart">What the request's path and query contain, e.g. <c>offset=100</c>.</param>
/// <param name="change">What happens on Mirakl before that request is answered.</param>
internal sealed class ChangeBeforeHandler(string pathPart, Action change) : DelegatingHandler
{
    /// <summary>Whether the change is due yet; off while the connection is set up, and again once it has happened.</summary>
    public bool Armed { get; set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Armed && request.RequestUri?.PathAndQuery.Contains(pathPart, StringComparison.Ordinal) == true)
        {
            Armed = false;
            change();
        }

        return base.SendAsync(request, cancellationToken);
    }
}
