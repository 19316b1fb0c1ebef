using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Connect.Sdk.Http;
using Connect.Sdk.Shopify.Wire;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Shopify.Http;

/// <summary>
/// Sends GraphQL documents to a shop through a <see cref="MarketplaceClient"/> on the connector's named marketplace
/// client and the connection's <see cref="ShopifySession.Endpoint"/> (token, redactor, the shop's rate budget), with
/// each query's cost on its call. Shopify's own layer stays here: GraphQL errors served with HTTP 200 get their code;
/// <c>extensions.cost.throttleStatus.currentlyAvailable</c> is fed back into the budget; and a THROTTLED request is
/// sent again once the bucket holds its cost (a throttled request ran nothing, so this is safe for mutations too).
/// </summary>
internal sealed class ShopifyGraphQLClient(IHttpClientFactory httpClientFactory, AccountBudgets budgets, ILogger logger)
{
    /// <summary>How often one request is sent again after THROTTLED answers before the call gives up.</summary>
    public const int MaxThrottledAttempts = 8;

    private const string ThrottledCode = "THROTTLED";

    // The requestedQueryCost Shopify last reported per operation: the estimate for its next request.
    private readonly ConcurrentDictionary<string, double> _reportedCosts = new(StringComparer.Ordinal);

    // The restoreRate each shop last reported: a plan above Standard restores faster than the declared model.
    private readonly ConcurrentDictionary<string, double> _restoreRates = new(StringComparer.Ordinal);

    /// <summary>Sends a document and reads its data.</summary>
    /// <typeparam name="TData">The shape of <c>data</c>.</typeparam>
    /// <param name="session">The connection.</param>
    /// <param name="operation">The document.</param>
    /// <param name="variables">Its variables, or <see langword="null"/>.</param>
    /// <param name="type">How to read the answer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer's data.</returns>
    /// <exception cref="ConnectSdkException">
    /// Shopify answered with an error status, a body that is not a GraphQL answer, or top-level errors; or it gave no
    /// answer (<see cref="ConnectSdkErrorCode.MarketplaceUnavailable"/>; for a write that went out, not transient and
    /// with a <see cref="WriteInDoubtException"/> inside).
    /// </exception>
    public async Task<TData> SendAsync<TData>(ShopifySession session, ShopifyOperation operation, JsonObject? variables, JsonTypeInfo<ShopifyResponseJson<TData>> type, CancellationToken cancellationToken)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(operation);
        cancellationToken.ThrowIfCancellationRequested();
        var body = new JsonObject { ["query"] = operation.Document, ["variables"] = variables ?? [] }.ToJsonString();
        var budget = budgets.GetOrAdd(session.Budget.Account, session.Budget.Limit);
        var http = new MarketplaceClient(httpClientFactory.CreateClient(ShopifyConnector.HttpClientName), session.Endpoint);
        for (var attempt = 1; ; attempt++)
        {
            var cost = CostOf(operation);
            var call = new MarketplaceCall(HttpMethod.Post, ShopifySession.GraphQLPath, "shopify." + operation.Name) { Body = body, Idempotent = operation.IsRetriable, Cost = cost };
            var response = await http.SendAsync(call, cancellationToken).ConfigureAwait(false);
            var text = response.Body;
            if (!response.IsSuccess)
            {
                throw Failure(session, operation, $"answered with HTTP {(int)response.StatusCode} {ErrorText.Excerpt(text, 200)}", response.StatusCode);
            }

            ShopifyResponseJson<TData>? answer;
            try
            {
                answer = JsonSerializer.Deserialize(text, type);
            }
            catch (JsonException ex)
            {
                // The parser's position differs with every cut-off body; the journal's message stays the same, the log has it.
                ShopifyLog.UnreadableAnswer(logger, operation.Name, session.ConnectionId, ex.Message);
                throw Failure(session, operation, $"answered with a body that is not a complete GraphQL answer ({JsonFieldProblem.Describe(ex)})", response.StatusCode);
            }

            if (answer is null)
            {
                throw Failure(session, operation, "answered with an empty body", response.StatusCode);
            }

            var status = answer.Extensions?.Cost?.ThrottleStatus;
            if (status?.RestoreRate is { } rate and > 0 && (!_restoreRates.TryGetValue(session.Budget.Account, out var known) || known != rate))
            {
                // Re-basing re-books every waiter, so only a changed rate is reported.
                _restoreRates[session.Budget.Account] = rate;
                budget.ReportRate(rate);
            }

            if (status?.CurrentlyAvailable is { } available)
            {
                budget.ReportAvailable(available);
            }

            if (answer.Extensions?.Cost?.RequestedQueryCost is { } requested and > 0)
            {
                _reportedCosts[operation.Name] = requested;
            }

            var errors = answer.Errors ?? [];
            if (errors.Any(e => e.Extensions?.Code == ThrottledCode))
            {
                ShopifyLog.Throttled(logger, operation.Name, session.Budget.Account, status?.CurrentlyAvailable ?? 0, answer.Extensions?.Cost?.RequestedQueryCost ?? cost, attempt);
                if (status?.CurrentlyAvailable is null)
                {
                    // Without the bucket's state, take it as empty: the budget then waits for the cost to refill.
                    budget.ReportAvailable(0);
                }

                if (attempt < MaxThrottledAttempts)
                {
                    continue;
                }

                // Served with HTTP 200, which alone would read as an unreadable answer: it is a throttle, transient.
                throw Failure(session, operation, $"was throttled {attempt} times in a row", response.StatusCode, ConnectSdkErrorCode.Throttled, [ThrottledCode]);
            }

            if (errors.Count > 0)
            {
                var messages = string.Join("; ", errors.Select(e => e.Extensions?.Code is { } code ? $"{code}: {e.Message}" : e.Message));
                var codes = errors.Select(e => e.Extensions?.Code).OfType<string>().ToList();
                throw Failure(session, operation, $"answered with errors: {session.Redactor.Redact(messages)}", response.StatusCode, CodeOf(codes), codes);
            }

            return answer.Data ?? throw Failure(session, operation, "answered without data", response.StatusCode);
        }
    }

    /// <summary>
    /// Whether a write that failed may still have been applied, so that what Shopify shows now must decide: no answer,
    /// a 200 whose body cannot be read, or a 5xx after the retries. A request still THROTTLED after the last try is
    /// not in doubt: Shopify ran nothing of it.
    /// </summary>
    /// <param name="exception">The failure <see cref="SendAsync{TData}"/> threw.</param>
    /// <returns>Whether the write is in doubt.</returns>
    public static bool IsInDoubt(ConnectSdkException exception) =>
        exception is { InnerException: WriteInDoubtException }
        or { MarketplaceStatusCode: 200 or >= 500, CredentialsRefused: false, Code: not ConnectSdkErrorCode.Throttled };

    /// <summary>Whether a failure came from a GraphQL error with that code.</summary>
    /// <param name="exception">The failure <see cref="SendAsync{TData}"/> threw.</param>
    /// <param name="code">The code, e.g. <c>ACCESS_DENIED</c>.</param>
    /// <returns>Whether one of its errors had the code.</returns>
    public static bool HasErrorCode(ConnectSdkException exception, string code) =>
        exception?.MarketplaceErrorCodes.Contains(code, StringComparer.Ordinal) == true;

    /// <summary>
    /// The kind of a 200 answer's top-level errors: ACCESS_DENIED means the app lacks a scope for every record alike, so
    /// the connection's work pauses for the user; INTERNAL_SERVER_ERROR is Shopify's own fault and may pass; any other
    /// error refused the request.
    /// </summary>
    private static ConnectSdkErrorCode CodeOf(IReadOnlyList<string> codes) =>
        codes.Contains("ACCESS_DENIED", StringComparer.Ordinal) ? ConnectSdkErrorCode.CredentialsRefused
        : codes.Contains("INTERNAL_SERVER_ERROR", StringComparer.Ordinal) ? ConnectSdkErrorCode.MarketplaceUnavailable
        : ConnectSdkErrorCode.MarketplaceRefused;

    private static ConnectSdkException Failure(ShopifySession session, ShopifyOperation operation, string what, HttpStatusCode status, ConnectSdkErrorCode? code = null, IReadOnlyList<string>? codes = null)
    {
        var message = $"Shopify {what} to {operation.Name} (connection {session.ConnectionId}).";

        // Without a code of its own, the status decides (an error status, or a 200 whose body could not be read).
        return code is { } known
            ? new ConnectSdkException(known, message) { ConnectionId = session.Connection.ConnectionId, MarketplaceStatusCode = (int)status, MarketplaceErrorCodes = codes ?? [] }
            : new ConnectSdkException(message) { ConnectionId = session.Connection.ConnectionId, MarketplaceStatusCode = (int)status, MarketplaceErrorCodes = codes ?? [] };
    }

    private double CostOf(ShopifyOperation operation)
    {
        var estimate = _reportedCosts.TryGetValue(operation.Name, out var reported) ? reported : operation.EstimatedCost;
        return Math.Clamp(estimate, 1, ShopifyConnector.RateLimit.Capacity);
    }
}
