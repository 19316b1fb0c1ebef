using Connect.Sdk.Settings;

namespace Connect.Sdk.Http;

/// <summary>
/// Per-request settings an adapter puts on an <see cref="HttpRequestMessage"/> through <see cref="HttpRequestMessage.Options"/>,
/// e.g. <c>request.Options.Set(MarketplaceRequest.Idempotent, true)</c>.
/// </summary>
public static class MarketplaceRequest
{
    /// <summary>
    /// Marks a write (POST, PATCH, PUT, DELETE) as safe to send twice, so the resilience pipeline may retry it.
    /// Reads are always retried; writes are not unless marked or carrying an <see cref="IdempotencyKeyHeader"/>, except
    /// after a 429, which says the marketplace processed nothing.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("Connect.Sdk.Http.Idempotent");

    /// <summary>
    /// What the request costs against its account's rate budget: 1 (the default) for a request-counting limit,
    /// the estimated query cost for a cost-based one such as Shopify GraphQL.
    /// </summary>
    public static readonly HttpRequestOptionsKey<double> Cost = new("Connect.Sdk.Http.Cost");

    /// <summary>
    /// The rate budget the request spends, for adapters that serve many connections from one client or whose
    /// marketplace limits each operation separately (Amazon). It takes precedence over the client's
    /// <see cref="MarketplaceHttpClientOptions.Account"/> and <see cref="MarketplaceHttpClientOptions.RateLimit"/>.
    /// </summary>
    public static readonly HttpRequestOptionsKey<RateBudgetScope> RateBudget = new("Connect.Sdk.Http.RateBudget");

    /// <summary>
    /// The calling connection's secrets, removed from logged URIs and failure messages. It takes precedence over the
    /// client's <see cref="MarketplaceHttpClientOptions.Redactor"/>; the names <see cref="HttpRedaction"/> recognises
    /// are redacted either way.
    /// </summary>
    public static readonly HttpRequestOptionsKey<SecretRedactor> Redactor = new("Connect.Sdk.Http.Redactor");

    /// <summary>
    /// The marketplace operation the request performs, e.g. <c>getOrders</c> or <c>inventorySetQuantities</c>: named in
    /// log lines, traces, metrics and <see cref="WriteInDoubtException"/>s.
    /// </summary>
    public static readonly HttpRequestOptionsKey<string> Operation = new("Connect.Sdk.Http.Operation");

    /// <summary>
    /// The connection's secrets by setting key, set by <see cref="MarketplaceClient"/> for a connector's signing or
    /// authentication handler, which runs once per attempt and so signs each attempt anew.
    /// </summary>
    public static readonly HttpRequestOptionsKey<IReadOnlyDictionary<string, SecretValue>> Secrets = new("Connect.Sdk.Http.Secrets");

    /// <summary>
    /// The connection a <see cref="MarketplaceClient"/> sends for, set when its endpoint names one: for an authentication
    /// handler whose credentials are more than the connection's secrets (Amazon exchanges a token per connection with
    /// its non-secret client id and token endpoint too) and finds them by the connection.
    /// </summary>
    public static readonly HttpRequestOptionsKey<ConnectionId> Connection = new("Connect.Sdk.Http.Connection");

    /// <summary>The header whose presence makes a write retriable: the server de-duplicates by its value.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Whether a failed attempt of the request may be sent again without risking a duplicate write.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> for reads, and for writes marked idempotent or carrying an idempotency key.</returns>
    public static bool IsRetriable(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IsRead(request)
            || (request.Options.TryGetValue(Idempotent, out var idempotent) && idempotent)
            || request.Headers.Contains(IdempotencyKeyHeader);
    }

    /// <summary>Whether the request only reads (GET, HEAD, OPTIONS, TRACE) and so cannot change the marketplace.</summary>
    internal static bool IsRead(HttpRequestMessage request)
    {
        var method = request.Method;
        return method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Trace;
    }

    /// <summary>
    /// The key of the request's resilience pipeline: its rate budget's account (or the client's) and its operation, so
    /// that a circuit opens for one account's failing operation only.
    /// </summary>
    internal static string CircuitKeyOf(HttpRequestMessage request, string? clientAccount)
    {
        var account = request.Options.TryGetValue(RateBudget, out var scope) ? scope.Account : clientAccount ?? request.RequestUri?.Authority ?? "-";
        return $"{account}|{OperationOf(request) ?? "-"}";
    }

    internal static string? OperationOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Operation, out var operation) ? operation : null;

    internal static SecretRedactor RedactorOf(HttpRequestMessage request, SecretRedactor fallback) =>
        request.Options.TryGetValue(Redactor, out var redactor) ? redactor : fallback;

    internal static double CostOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Cost, out var cost) ? cost : 1;
}
