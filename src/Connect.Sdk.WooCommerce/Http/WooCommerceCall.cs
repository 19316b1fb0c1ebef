using Connect.Sdk.Http;

namespace Connect.Sdk.WooCommerce.Http;

/// <summary>One call of the REST API.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path under <c>/wp-json/wc/v3/</c>, with its query.</param>
/// <param name="Operation">The operation's name in logs, traces and metrics, e.g. <c>orders.list</c>.</param>
/// <param name="Body">The JSON body of a write, or <see langword="null"/>.</param>
/// <param name="Idempotent">
/// Whether a write may be sent twice (absolute stock levels, a status): then the HTTP foundation retries it after a
/// 5xx or a lost answer. Reads are always retried; an unmarked write (a note) never is.
/// </param>
/// <param name="NotFoundIsAnswer">
/// Whether a 404 is an expected answer the caller acts on (an order number that is not an id), logged like a success
/// instead of as a refusal.
/// </param>
internal sealed record WooCommerceCall(HttpMethod Method, string Path, string Operation, string? Body = null, bool Idempotent = false, bool NotFoundIsAnswer = false)
{
    /// <summary>A read.</summary>
    /// <param name="path">The path and query.</param>
    /// <param name="operation">The operation's name.</param>
    /// <returns>The call.</returns>
    public static WooCommerceCall Get(string path, string operation) => new(HttpMethod.Get, path, operation);

    /// <summary>The call as the SDK's marketplace client sends it.</summary>
    /// <returns>The call.</returns>
    public MarketplaceCall ToMarketplaceCall() => new(Method, Path, Operation) { Body = Body, Idempotent = Idempotent };
}
