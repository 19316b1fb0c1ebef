namespace Connect.Sdk.Http;

/// <summary>
/// Per-request settings an adapter puts on an <see cref="HttpRequestMessage"/> through <see cref="HttpRequestMessage.Options"/>,
/// e.g. <c>request.Options.Set(MarketplaceRequest.Idempotent, true)</c>.
/// </summary>
public static class MarketplaceRequest
{
    /// <summary>
    /// Marks a write (POST, PATCH, PUT, DELETE) as safe to send twice, so the resilience pipeline may retry it.
    /// Reads are always retried; writes are not unless marked or carrying an <see cref="IdempotencyKeyHeader"/>.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("Connect.Sdk.Http.Idempotent");

    /// <summary>
    /// What the request costs against its account's rate budget: 1 (the default) for a request-counting limit,
    /// the estimated query cost for a cost-based one such as Shopify GraphQL.
    /// </summary>
    public static readonly HttpRequestOptionsKey<double> Cost = new("Connect.Sdk.Http.Cost");

    /// <summary>The header whose presence makes a write retriable: the server de-duplicates by its value.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Whether a failed attempt of the request may be sent again without risking a duplicate write.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> for reads, and for writes marked idempotent or carrying an idempotency key.</returns>
    public static bool IsRetriable(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.Method;
        if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Trace)
        {
            return true;
        }

        return (request.Options.TryGetValue(Idempotent, out var idempotent) && idempotent)
            || request.Headers.Contains(IdempotencyKeyHeader);
    }

    internal static double CostOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Cost, out var cost) ? cost : 1;
}
