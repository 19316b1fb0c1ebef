using Connect.Sdk.Http;

namespace Connect.Sdk.Mirakl.Tests.TestSupport;

/// <summary>
/// Plays a process that dies right after Mirakl answered one operation: once the answer to <paramref name="operation"/>
/// is back, it cancels the run's token, so the run stops before its next step, as a killed process would.
/// </summary>
/// <param name="operation">The operation whose answer ends the run, e.g. <c>orders.accept</c>.</param>
/// <param name="crash">The token source of the run.</param>
internal sealed class CrashAfterHandler(string operation, CancellationTokenSource crash) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Options.TryGetValue(MarketplaceRequest.Operation, out var sent) && sent == operation && response.IsSuccessStatusCode)
        {
            await crash.CancelAsync();
        }

        return response;
    }
}
