namespace Connect.Sdk.Shopify.Http;

/// <summary>One GraphQL document the connector sends, with what the pacing needs to know about it.</summary>
/// <param name="Name">The operation's name in logs, traces and metrics, e.g. <c>orders</c>.</param>
/// <param name="Document">The GraphQL document.</param>
/// <param name="EstimatedCost">
/// The requested cost by Shopify's rules (scalars 0, an object 1, a connection 2 plus <c>first</c> times one node's
/// selection, so nested connections multiply; a mutation 10), never above Shopify's single-query limit of 1000; used
/// until the shop has reported the real <c>requestedQueryCost</c> once.
/// </param>
/// <param name="IsRetriable">
/// Whether the HTTP retries may send it again: queries, and mutations carrying an idempotency key. A mutation without
/// one is resolved by reading back instead.
/// </param>
internal sealed record ShopifyOperation(string Name, string Document, double EstimatedCost, bool IsRetriable);
