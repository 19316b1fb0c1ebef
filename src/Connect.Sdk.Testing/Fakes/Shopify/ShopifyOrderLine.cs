namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <summary>
/// A line item of a Shopify fake order together with its fulfillment order line item: Shopify fulfils through
/// fulfillment orders, so each line item has a matching fulfillment order line with what remains to ship.
/// </summary>
internal sealed class ShopifyOrderLine
{
    public required long Id { get; init; }

    public required long FulfillmentOrderLineItemId { get; init; }

    public required int Quantity { get; init; }

    public required int Remaining { get; set; }
}
