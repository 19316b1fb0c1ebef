namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <summary>
/// A fulfillment order line item of a Shopify fake order: the line item it belongs to, how many of its units the
/// fulfillment order holds and how many of those remain to ship. A line item split over fulfillment orders has one
/// such line on each.
/// </summary>
internal sealed class ShopifyOrderLine
{
    /// <summary>The last segment of the line item's GID: its number, or the seeded line id when that was not a number.</summary>
    public required string Key { get; init; }

    public required long FulfillmentOrderLineItemId { get; init; }

    public required int Quantity { get; init; }

    public required int Remaining { get; set; }
}
