using System.Net.Http.Headers;
using System.Net;
using System.Text.Json.Serialization.Metadata;
using System.Text.Json;
using System.Text;
using Basar.Connector.Wire;
using Connect.Sdk.Connectors;
using Connect.Sdk.Settings;
using Connect.Sdk;
using Microsoft.Extensions.Logging;

namespace Basar.Connector.Http;

/// <summary>
/// Sends one request to Basar for one connection: base URL from the settings, the token as a bearer header, and a
/// small bounded retry after 429 (waiting out <c>Retry-After</c>) and 5xx. There is no shared HTTP package in the SDK
/// yet, so the connector carries this itself; the waits run on the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class BasarApiClient
{
    /// <summary>Tries per request, the first included.</summary>
    public const int MaxAttempts = 4;

    // A longer Retry-After is not waited out inside one SDK run: the call fails and the SDK's scheduled retry comes back later.
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(500);

    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public BasarApiClient(HttpClient http, TimeProvider time, ILogger logger)
    {
        _http = http;
        _time = time;
        _logger = logger;
    }

    /// <summary>Sends a request and retries what may be retried; answers that need no retry are returned, whatever their status.</summary>
    /// <param name="connection">The connection: base URL and token.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path under <see cref="BasarApi.Root"/>, with its query.</param>
    /// <param name="body">The JSON body, or <see langword="null"/>.</param>
    /// <param name="retry">Which failures may be retried.</param>
    /// <param name="cancellationToken">Cancels the request and the waits.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ConnectSdkException">Basar could not be reached or kept failing; the message holds no secret.</exception>
    public async Task<BasarResponse> SendAsync(ConnectionContext connection, HttpMethod method, string path, string? body, BasarRetry retry, CancellationToken cancellationToken)
    {
        var uri = new Uri(BaseUri(connection), BasarApi.Root + path);
        var token = await connection.GetSecretAsync(BasarConnector.ApiTokenKey, cancellationToken).ConfigureAwait(false);
        var logPath = uri.AbsolutePath;
        var id = connection.ConnectionId.Value;
        for (var attempt = 1; ; attempt++)
        {
            // Checked before every try, so a cancelled call never writes (HttpClient may send before it looks at the token).
            cancellationToken.ThrowIfCancellationRequested();
            using var request = new HttpRequestMessage(method, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Reveal());
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // A lost connection or HttpClient's own timeout: not the caller's cancellation, so never an OperationCanceledException.
                if (retry == BasarRetry.Idempotent && attempt < MaxAttempts)
                {
                    var backoff = Backoff(attempt);
                    BasarLog.Retrying(_logger, method.Method, logPath, 0, backoff, attempt, MaxAttempts, id);
                    await Task.Delay(backoff, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                BasarLog.Failed(_logger, method.Method, logPath, ex.GetType().Name, id);
                throw new ConnectSdkException(ConnectSdkErrorCode.MarketplaceUnavailable, $"Basar {method} {logPath} could not be reached: {ex.Message}", ex) { ConnectionId = connection.ConnectionId };
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                BasarLog.Answered(_logger, method.Method, logPath, status, attempt, id);
                if (!IsRetryable(response.StatusCode, retry))
                {
                    return new BasarResponse(response.StatusCode, text);
                }

                var wait = response.StatusCode == HttpStatusCode.TooManyRequests ? RetryAfter(response) : Backoff(attempt);
                if (attempt >= MaxAttempts || wait > MaxRetryAfter)
                {
                    var reason = $"{status} {Describe(text)} after {attempt} attempt(s)";
                    BasarLog.Failed(_logger, method.Method, logPath, reason, id);
                    throw new ConnectSdkException($"Basar {method} {logPath} answered {reason}.")
                    {
                        ConnectionId = connection.ConnectionId,
                        MarketplaceStatusCode = status,
                    };
                }

                BasarLog.Retrying(_logger, method.Method, logPath, status, wait, attempt, MaxAttempts, id);
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads a JSON body; a body that is not the expected JSON fails the call instead of passing for data.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="response">The answer.</param>
    /// <param name="type">The payload's type info from <see cref="BasarJsonContext"/>.</param>
    /// <param name="what">What was asked for, for the message.</param>
    /// <returns>The payload.</returns>
    /// <exception cref="ConnectSdkException">The body is not the expected JSON.</exception>
    public static T Read<T>(BasarResponse response, JsonTypeInfo<T> type, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, type) ?? throw new JsonException("The body is null.");
        }
        catch (JsonException ex)
        {
            throw new ConnectSdkException($"Basar answered {what} with a body that is not the documented JSON: {ex.Message}", ex)
            {
                MarketplaceStatusCode = (int)response.StatusCode,
            };
        }
    }

    /// <summary>Basar's error code and message from an error body, or the start of a body that has none.</summary>
    /// <param name="body">The body.</param>
    /// <returns>E.g. <c>(order_not_found: Order 1001 does not exist.)</c>.</returns>
    public static string Describe(string body)
    {
        try
        {
            if (JsonSerializer.Deserialize(body, BasarJsonContext.Default.BasarErrorBodyJson)?.Error is { } error)
            {
                return $"({error.Code}: {error.Message})";
            }
        }
        catch (JsonException)
        {
            // Not Basar's error shape (a proxy's HTML page): show its start below.
        }

        return body.Length == 0 ? "(no body)" : $"(\"{body[..Math.Min(body.Length, 80)]}\")";
    }

    private static Uri BaseUri(ConnectionContext connection)
    {
        var text = connection.Settings.Get(BasarConnector.BaseUrlKey);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new ConnectionSettingException(BasarConnector.BaseUrlKey, $"The Basar base URL '{text}' of connection {connection.ConnectionId} is not an http(s) address.") { ConnectionId = connection.ConnectionId };
        }

        // Without the trailing slash, "api/v1/…" would replace the last segment of a base URL with a path.
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private static bool IsRetryable(HttpStatusCode status, BasarRetry retry) => status switch
    {
        HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable => true,
        >= HttpStatusCode.InternalServerError => retry == BasarRetry.Idempotent,
        _ => false,
    };

    // 0.5 s, 1 s, 2 s: enough for a restarting Basar node, short enough for one SDK run.
    private static TimeSpan Backoff(int attempt) => FirstBackoff * Math.Pow(2, attempt - 1);

    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta
                   ?? (header?.Date is { } date ? date - _time.GetUtcNow() : TimeSpan.FromSeconds(1));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
