using Connect.Sdk.Settings;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Http;

/// <summary>
/// The outermost handler of a marketplace client: it logs each request with its URI redacted, and re-throws
/// failures with secrets removed from the message. It replaces IHttpClientFactory's own logging, which logs the
/// URI and, at trace level, header values.
/// </summary>
internal sealed class RedactionHandler(string client, SecretRedactor redactor, ILogger logger, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.Answered(client, request.Method.Method, HttpRedaction.RedactUri(request.RequestUri, redactor), (int)response.StatusCode, Elapsed(started));
            }

            return response;
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException)
        {
            // Usually redacted already by the handler inside the resilience pipeline; the pipeline's own failures
            // (an open circuit, say) carry no request data and reach the caller as they are.
            var redacted = NeedsRedaction(exception) ? Redact(exception, request, redactor) : exception;
            logger.Failed(client, request.Method.Method, HttpRedaction.RedactUri(request.RequestUri, redactor), Elapsed(started), redacted.Message);
            if (ReferenceEquals(redacted, exception))
            {
                throw;
            }

            throw redacted;
        }
    }

    /// <summary>
    /// A copy of a failure whose message has the request's secrets removed. Messages from lower layers may quote the
    /// URI or a body that echoes a token; the inner exception would carry the same text, so it is not kept: its type
    /// and the redacted message are.
    /// </summary>
    internal static Exception Redact(Exception exception, HttpRequestMessage request, SecretRedactor redactor)
    {
        var uri = HttpRedaction.RedactUri(request.RequestUri, redactor);
        var text = exception.Message;
        if (request.RequestUri is { } raw)
        {
            text = text.Replace(raw.ToString(), uri, StringComparison.Ordinal).Replace(raw.OriginalString, uri, StringComparison.Ordinal);
        }

        var message = $"{request.Method} {uri} failed: {exception.GetType().Name}: {redactor.Redact(text)}";
        Exception redacted = exception switch
        {
            HttpRequestException http => new HttpRequestException(http.HttpRequestError, message, inner: null, http.StatusCode),
            TimeoutException => new TimeoutException(message),

            // Any other failure below (an adapter's auth handler, say) reaches the caller as a failed request.
            _ => new HttpRequestException(HttpRequestError.Unknown, message, inner: null),
        };
        redacted.Data[RedactedMark] = true;
        return redacted;
    }

    /// <summary>Marks an exception already redacted, so a handler further out does not wrap it again.</summary>
    internal const string RedactedMark = "connect_sdk.redacted";

    /// <summary>Whether a failure still needs redacting: not a cancellation, and not redacted below.</summary>
    internal static bool NeedsRedaction(Exception exception) =>
        exception is not OperationCanceledException && !exception.Data.Contains(RedactedMark);

    private long Elapsed(long started) => (long)time.GetElapsedTime(started).TotalMilliseconds;
}
