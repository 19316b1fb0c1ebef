using System.Diagnostics;
using Connect.Sdk.Settings;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Connect.Sdk.Http;

/// <summary>
/// The outermost handler of a marketplace client: it traces and logs each logical request with its URI redacted, and
/// re-throws failures with secrets removed from the message. A write that went out without an answer becomes a
/// <see cref="WriteInDoubtException"/>. It replaces IHttpClientFactory's own logging, which logs the URI and, at trace
/// level, header values.
/// </summary>
internal sealed class RedactionHandler(string client, SecretRedactor clientRedactor, ILogger logger, TimeProvider time, HttpMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var redactor = MarketplaceRequest.RedactorOf(request, clientRedactor);
        var operation = MarketplaceRequest.OperationOf(request);
        using var activity = StartActivity(request, operation);
        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            activity?.SetTag("http.response.status_code", status);
            if (status >= 400)
            {
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            metrics.Completed(client, operation, status.ToString(System.Globalization.CultureInfo.InvariantCulture), time.GetElapsedTime(started));
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.Answered(client, operation ?? "-", request.Method.Method, HttpRedaction.RedactUri(request.RequestUri, redactor), status, Elapsed(started));
            }

            return response;
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException or TimeoutRejectedException)
        {
            // Usually redacted already by the handler inside the resilience pipeline; the pipeline's own failures
            // (an open circuit, say) carry no request data and reach the caller as they are.
            var redacted = NeedsRedaction(exception) ? Redact(exception, request, redactor) : exception;
            var failure = IsInDoubt(request, redacted) ? InDoubt(request, redacted, operation) : AsTimeout(redacted);
            activity?.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
            metrics.Completed(client, operation, failure.GetType().Name, time.GetElapsedTime(started));
            if (failure is WriteInDoubtException)
            {
                metrics.InDoubt(client, operation);
            }

            logger.Failed(client, operation ?? "-", request.Method.Method, HttpRedaction.RedactUri(request.RequestUri, redactor), Elapsed(started), $"{TypeOf(redacted)}: {failure.Message}");
            if (ReferenceEquals(failure, exception))
            {
                throw;
            }

            throw failure;
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

        // The message reaches the journal and the user, so it names no .NET type; the log line keeps the type (TypeOf).
        var message = $"{request.Method} {uri} failed: {redactor.Redact(text)}";
        Exception redacted = exception switch
        {
            HttpRequestException http => new HttpRequestException(http.HttpRequestError, message, inner: null, http.StatusCode),
            TimeoutException or TimeoutRejectedException => new TimeoutException(message),

            // Any other failure below (an adapter's auth handler, say) reaches the caller as a failed request; it was
            // raised before anything went out, so it leaves no write in doubt.
            _ => new HttpRequestException(HttpRequestError.Unknown, message, inner: null) { Data = { [NotSentMark] = true } },
        };
        redacted.Data[RedactedMark] = true;
        redacted.Data[FailureTypeMark] = exception.GetType().Name;
        return redacted;
    }

    /// <summary>Holds the type of the failure a redacted copy stands for, for the log line.</summary>
    internal const string FailureTypeMark = "connect_sdk.failure_type";

    /// <summary>The type of the failure below, for logs only: a redacted copy remembers the type it replaced.</summary>
    internal static string TypeOf(Exception exception) => exception.Data[FailureTypeMark] as string ?? exception.GetType().Name;

    /// <summary>Marks a failure raised before the request went out (not by the transport).</summary>
    internal const string NotSentMark = "connect_sdk.not_sent";

    /// <summary>Marks an exception already redacted, so a handler further out does not wrap it again.</summary>
    internal const string RedactedMark = "connect_sdk.redacted";

    /// <summary>
    /// Whether a failure still needs redacting: not a cancellation, not the attempt timeout's own message, and not
    /// redacted below.
    /// </summary>
    internal static bool NeedsRedaction(Exception exception) =>
        exception is not OperationCanceledException and not TimeoutRejectedException && !exception.Data.Contains(RedactedMark);

    /// <summary>
    /// Whether a failed request may have changed the marketplace: a write, unless the failure proves it never left
    /// (no connection, no name, no TLS session) or it was raised above the transport (an adapter's handler). A retried
    /// write is in doubt as well, because any attempt may have landed.
    /// </summary>
    internal static bool IsInDoubt(HttpRequestMessage request, Exception failure) =>
        !MarketplaceRequest.IsRead(request)
        && !failure.Data.Contains(NotSentMark)
        && failure is not HttpRequestException
        {
            HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,
        };

    private static WriteInDoubtException InDoubt(HttpRequestMessage request, Exception failure, string? operation) =>
        new(
            $"{failure.Message} The write went out and no answer came back, so the marketplace may or may not have applied it; read its state back before sending it again.",
            operation,
            failure is HttpRequestException http ? http.HttpRequestError : HttpRequestError.Unknown,
            (failure as HttpRequestException)?.StatusCode)
        {
            Data = { [RedactedMark] = true },
        };

    // Polly's attempt timeout ends the last attempt of a read; callers see one timeout type, like the total timeout's.
    private static Exception AsTimeout(Exception failure) =>
        failure is TimeoutRejectedException ? new TimeoutException($"No answer within the attempt timeout: {failure.Message}") : failure;

    private Activity? StartActivity(HttpRequestMessage request, string? operation)
    {
        var activity = HttpDiagnostics.ActivitySource.StartActivity(operation is null ? request.Method.Method : $"{request.Method.Method} {operation}", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("server.address", request.RequestUri?.Host);
            activity.SetTag("connect_sdk.client", client);
            activity.SetTag("connect_sdk.operation", operation);
        }

        return activity;
    }

    private long Elapsed(long started) => (long)time.GetElapsedTime(started).TotalMilliseconds;
}
