namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <summary>
/// A line item of a Shopify fake order together with its fulfillment order line item: Shopify fulfils through
/// fulfillment orders, so each line item has a matching fulfillment order line with what remains to ship.
/// </summary>
internal sealed class ShopifyOrderLine
{
    /// <summary>The last segment of the line item's GID: its number, or the seeded line id when that was not a number.</summary>
    public required string Key { get; init; }

    public required long FulfillmentOrderLineItemId { get; init; }

    public required int Quantity { get; init; }

    public required int Remaining { get; set; }
}
