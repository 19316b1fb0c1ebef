using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly;

namespace Connect.Sdk.Http;

/// <summary>
/// Sends one connection's calls through a client from <c>AddMarketplaceHttpClient</c> (resilience, pacing, redaction and
/// in-doubt detection are its handlers') and reads JSON answers. Every failure reaches the caller as one
/// <see cref="ConnectSdkException"/> whose <see cref="ConnectSdkException.Code"/> says what happened, with the
/// connection's secrets redacted.
/// </summary>
/// <param name="http">A client from <c>AddMarketplaceHttpClient</c>, e.g. <c>IHttpClientFactory.CreateClient(name)</c>.</param>
/// <param name="endpoint">The connection's endpoint.</param>
public sealed class MarketplaceClient(HttpClient http, MarketplaceEndpoint endpoint)
{
    private const int MaxExcerptLength = 200;

    /// <summary>The connection's endpoint.</summary>
    public MarketplaceEndpoint Endpoint { get; } = endpoint ?? throw new ArgumentNullException(nameof(endpoint));

    /// <summary>Sends a call and returns the marketplace's answer, also a 4xx or 5xx one.</summary>
    /// <param name="call">The call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer, its body redacted.</returns>
    /// <exception cref="ConnectSdkException">
    /// The marketplace could not be reached, did not answer in time or its circuit is open
    /// (<see cref="ConnectSdkErrorCode.MarketplaceUnavailable"/>); a write went out without an answer (the same code, not
    /// transient: it may have been applied, and the inner exception is a <see cref="WriteInDoubtException"/>).
    /// </exception>
    public async Task<MarketplaceAnswer> SendAsync(MarketplaceCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var request = new HttpRequestMessage(call.Method, new Uri(Endpoint.BaseAddress, call.Path));
        if (call.Body is not null)
        {
            request.Content = new StringContent(call.Body, Encoding.UTF8, "application/json");
        }

        request.Options.Set(MarketplaceRequest.Operation, call.Operation);
        request.Options.Set(MarketplaceRequest.Redactor, Endpoint.Redactor);
        request.Options.Set(MarketplaceRequest.Secrets, Endpoint.Secrets);
        if (call.Idempotent)
        {
            request.Options.Set(MarketplaceRequest.Idempotent, true);
        }

        if (Endpoint.RateBudget is { } budget)
        {
            request.Options.Set(MarketplaceRequest.RateBudget, budget);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            // Redacted once, here: an error page may echo the request's credentials, and every message is built from it.
            var body = Endpoint.Redactor.Redact(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)) ?? string.Empty;
            var headers = response.Headers.Concat(response.Content.Headers)
                .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
            return new MarketplaceAnswer(response.StatusCode, body, headers);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or ExecutionRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw Unreachable(call, ex);
        }
    }

    /// <summary>Sends a call and reads its JSON answer; an answer that is not a success fails the call.</summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="call">The call.</param>
    /// <param name="type">The answer's source-generated type info.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ConnectSdkException">As <see cref="SendAsync"/>; or the marketplace refused the call (the code follows its status); or the body is not the expected JSON (<see cref="ConnectSdkErrorCode.AnswerUnreadable"/>).</exception>
    public async Task<T> SendForJsonAsync<T>(MarketplaceCall call, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var answer = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        return answer.IsSuccess ? Read(answer, type, call.Operation) : throw Refused(answer, call.Operation);
    }

    /// <summary>Reads a JSON body; a body that is not the expected JSON fails instead of passing for data.</summary>
    /// <typeparam name="T">The payload's type.</typeparam>
    /// <param name="answer">The answer.</param>
    /// <param name="type">The payload's type info.</param>
    /// <param name="what">What was asked for, e.g. <c>order 1001</c>.</param>
    /// <returns>The payload.</returns>
    /// <exception cref="ConnectSdkException">The body is not the expected JSON; the message names the field.</exception>
    public T Read<T>(MarketplaceAnswer answer, JsonTypeInfo<T> type, string what)
    {
        ArgumentNullException.ThrowIfNull(answer);
        try
        {
            return JsonSerializer.Deserialize(answer.Body, type) ?? throw new JsonException("The body is null.");
        }
        catch (JsonException ex)
        {
            throw new ConnectSdkException(ConnectSdkErrorCode.AnswerUnreadable, $"{Endpoint.Marketplace} answered {what} with a body that is not the documented JSON ({ErrorText.Excerpt(answer.Body, MaxExcerptLength)}): {JsonFieldProblem.Describe(ex)}", ex)
            {
                ConnectionId = Endpoint.ConnectionId,
                MarketplaceStatusCode = (int)answer.StatusCode,
            };
        }
    }

    /// <summary>
    /// The failure for an answer that is not a success. Its code follows the status: 401 and 403 refuse the credentials
    /// (which pauses the connection), 429 throttles, 408 and 5xx are unavailable, other 4xx refused. The message quotes
    /// the body as the endpoint's <see cref="MarketplaceEndpoint.DescribeError"/> reads it.
    /// </summary>
    /// <param name="answer">The answer.</param>
    /// <param name="what">What was asked for.</param>
    /// <returns>The failure, to throw.</returns>
    public ConnectSdkException Refused(MarketplaceAnswer answer, string what)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var description = Endpoint.DescribeError?.Invoke(answer.Body) ?? $"({ErrorText.Excerpt(answer.Body, MaxExcerptLength)})";
        return new ConnectSdkException($"{Endpoint.Marketplace} answered {what} with {(int)answer.StatusCode} {description}.")
        {
            ConnectionId = Endpoint.ConnectionId,
            MarketplaceStatusCode = (int)answer.StatusCode,
        };
    }

    private ConnectSdkException Unreachable(MarketplaceCall call, Exception failure)
    {
        // The handlers redacted the failure's text already; the connection's redactor runs again for any path it missed.
        var text = Endpoint.Redactor.Redact(failure.Message);
        return failure is WriteInDoubtException
            ? new ConnectSdkException(ConnectSdkErrorCode.MarketplaceUnavailable, $"{Endpoint.Marketplace} may or may not have applied {call.Operation}: {text}", failure)
            {
                ConnectionId = Endpoint.ConnectionId,
                IsTransient = false,
            }
            : new ConnectSdkException(ConnectSdkErrorCode.MarketplaceUnavailable, $"{Endpoint.Marketplace} could not be reached for {call.Operation}: {text}", failure)
            {
                ConnectionId = Endpoint.ConnectionId,
            };
    }
}
