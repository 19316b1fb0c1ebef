namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <summary>
/// A fulfillment order of a Shopify fake order: a group of the order's lines (or parts of lines) to ship together.
/// Shopify splits an order into several when its lines ship from different locations, or at one location.
/// </summary>
internal sealed class ShopifyFulfillmentOrder
{
    public required long Id { get; init; }

    /// <summary>The fulfillment order's lines, each with the part of its line item it holds and what of that remains.</summary>
    public required IReadOnlyList<ShopifyOrderLine> Lines { get; init; }

    public bool IsFullyFulfilled => Lines.All(l => l.Remaining == 0);

    public bool IsPartlyFulfilled => !IsFullyFulfilled && Lines.Any(l => l.Remaining < l.Quantity);
}
