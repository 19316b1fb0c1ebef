using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Connect.Sdk.Http;

/// <summary>One call of a marketplace's API, sent by a <see cref="MarketplaceClient"/>.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path under the connection's base address, with its query; or an absolute URI (a <c>Link</c> header's next page).</param>
/// <param name="Operation">The operation's name in logs, traces, metrics and messages, e.g. <c>orders.list</c>.</param>
public sealed record MarketplaceCall(HttpMethod Method, string Path, string Operation)
{
    /// <summary>The JSON body of a write, or <see langword="null"/>.</summary>
    public string? Body { get; init; }

    /// <summary>
    /// Whether a write may be sent twice (an absolute stock level, a status): then the resilience pipeline retries it
    /// after a 5xx or a lost answer. Reads are always retried; an unmarked write only after a 429.
    /// </summary>
    public bool Idempotent { get; init; }

    /// <summary>
    /// What the call costs against a cost-based rate budget (<see cref="RateLimitModel.CostBased"/>), e.g. a GraphQL
    /// query's requested cost; <see langword="null"/> for one unit.
    /// </summary>
    public double? Cost { get; init; }

    /// <summary>A read.</summary>
    /// <param name="path">The path and query.</param>
    /// <param name="operation">The operation's name.</param>
    /// <returns>The call.</returns>
    public static MarketplaceCall Get(string path, string operation) => new(HttpMethod.Get, path, operation);

    /// <summary>A write with a JSON body, serialized with the connector's source-generated type info.</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path and query.</param>
    /// <param name="operation">The operation's name.</param>
    /// <param name="body">The body.</param>
    /// <param name="type">The body's type info.</param>
    /// <returns>The call.</returns>
    public static MarketplaceCall Json<T>(HttpMethod method, string path, string operation, T body, JsonTypeInfo<T> type) =>
        new(method, path, operation) { Body = JsonSerializer.Serialize(body, type) };
}
