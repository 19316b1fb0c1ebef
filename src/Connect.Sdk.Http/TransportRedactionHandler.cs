using Connect.Sdk.Settings;

namespace Connect.Sdk.Http;

/// <summary>
/// Redacts a failure before anything further out sees it, because Polly's telemetry logs each failed attempt's exception
/// message from inside the resilience handler, long before the outer <see cref="RedactionHandler"/> could clean it. It
/// stands twice in a marketplace client's chain: right inside the resilience handler (failures of pacing and of an
/// adapter's own handlers) and innermost, right above the transport.
/// </summary>
internal sealed class TransportRedactionHandler(SecretRedactor redactor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (RedactionHandler.NeedsRedaction(exception))
        {
            throw RedactionHandler.Redact(exception, request, MarketplaceRequest.RedactorOf(request, redactor));
        }
    }
}
