using Connect.Sdk.Settings;

namespace Connect.Sdk.Http;

/// <summary>
/// The innermost handler, right above the transport: it redacts a transport failure before anything else sees it,
/// because Polly's telemetry logs each failed attempt's exception message from inside the resilience handler, long
/// before the outer <see cref="RedactionHandler"/> could clean it.
/// </summary>
internal sealed class TransportRedactionHandler(SecretRedactor redactor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw RedactionHandler.Redact(exception, request, redactor);
        }
    }
}
