namespace Connect.Sdk.Mirakl.Tests.TestSupport;

/// <summary>
/// Plays a process that dies before a request reaches Mirakl: while armed, a request whose path and query contain
/// <paramref name="pathPart"/> cancels the run's token and is never sent, so the run stops there, as a killed process would.
/// </summary>
/// <param name="pathPart">What the request's path and query contain, e.g. <c>offset=100</c>.</param>
/// <param name="crash">The token source of the run.</param>
internal sealed class CrashBeforeHandler(string pathPart, CancellationTokenSource crash) : DelegatingHandler
{
    /// <summary>Whether the crash is due yet; off while the connection is set up.</summary>
    public bool Armed { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Armed && request.RequestUri?.PathAndQuery.Contains(pathPart, StringComparison.Ordinal) == true)
        {
            await crash.CancelAsync();
            crash.Token.ThrowIfCancellationRequested();
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
