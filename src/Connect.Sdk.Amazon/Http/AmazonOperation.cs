using System.Globalization;
using Connect.Sdk.Http;

namespace Connect.Sdk.Amazon.Http;

/// <summary>
/// One Selling Partner API operation the connector calls, with the usage plan Amazon's API models document for it
/// (rate in requests per second, burst). Amazon limits every operation of a seller and region separately, so each
/// has its own rate budget, shared by every connection of that seller.
/// </summary>
/// <param name="Name">The operation id of Amazon's models, e.g. <c>getOrders</c>; named in logs, traces and metrics.</param>
/// <param name="Rate">The documented rate, requests per second.</param>
/// <param name="Burst">The documented burst.</param>
/// <param name="IsIdempotentWrite">Whether the operation writes and may still be sent twice without harm.</param>
internal sealed record AmazonOperation(string Name, double Rate, int Burst, bool IsIdempotentWrite = false)
{
    /// <summary>getOrders (Orders v0): 0.0167 per second, burst 20 — the slowest operation the connector uses.</summary>
    public static AmazonOperation GetOrders { get; } = new("getOrders", 0.0167, 20);

    /// <summary>getOrder (Orders v0): 0.5 per second, burst 30.</summary>
    public static AmazonOperation GetOrder { get; } = new("getOrder", 0.5, 30);

    /// <summary>getOrderItems (Orders v0): 0.5 per second, burst 30.</summary>
    public static AmazonOperation GetOrderItems { get; } = new("getOrderItems", 0.5, 30);

    /// <summary>confirmShipment (Orders v0): 2 per second, burst 10. Not idempotent: a second call adds a second package.</summary>
    public static AmazonOperation ConfirmShipment { get; } = new("confirmShipment", 2, 10);

    /// <summary>patchListingsItem (Listings Items 2021-08-01): 5 per second, burst 5. An absolute quantity may be sent twice.</summary>
    public static AmazonOperation PatchListingsItem { get; } = new("patchListingsItem", 5, 5, IsIdempotentWrite: true);

    /// <summary>The documented limit as the HTTP foundation models it.</summary>
    public RateLimitModel Limit => RateLimitModel.TokenBucket(Rate, Burst);

    /// <summary>
    /// The rate budget of this operation for a seller in a region: <c>amazon:{sellerId}:{region}:{operation}</c>. Two
    /// connections of one seller share it and together never exceed Amazon's limit.
    /// </summary>
    /// <param name="sellerId">The seller (merchant) id.</param>
    /// <param name="region">The region code.</param>
    /// <returns>The scope to put on the request.</returns>
    public RateBudgetScope ScopeFor(string sellerId, string region) =>
        new(string.Create(CultureInfo.InvariantCulture, $"amazon:{sellerId}:{region}:{Name}"), Limit);
}
