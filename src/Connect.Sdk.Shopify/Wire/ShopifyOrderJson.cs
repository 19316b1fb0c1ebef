namespace Connect.Sdk.Shopify.Wire;

/// <summary>An order as the connector reads it.</summary>
internal sealed class ShopifyOrderJson
{
    /// <summary>Its GID.</summary>
    public string? Id { get; init; }

    /// <summary>Its name, e.g. <c>#1001</c>.</summary>
    public string? Name { get; init; }

    /// <summary>When it was placed (ISO 8601).</summary>
    public string? CreatedAt { get; init; }

    /// <summary>When it last changed (ISO 8601).</summary>
    public string? UpdatedAt { get; init; }

    /// <summary>The shop's currency.</summary>
    public string? CurrencyCode { get; init; }

    /// <summary>The buyer's e-mail.</summary>
    public string? Email { get; init; }

    /// <summary>Whether prices include taxes.</summary>
    public bool? TaxesIncluded { get; init; }

    /// <summary>e.g. <c>PAID</c>.</summary>
    public string? DisplayFinancialStatus { get; init; }

    /// <summary>e.g. <c>PARTIALLY_FULFILLED</c>.</summary>
    public string? DisplayFulfillmentStatus { get; init; }

    /// <summary>When it was cancelled, if it was.</summary>
    public string? CancelledAt { get; init; }

    /// <summary>The order total after refunds, returns and order edits (<c>totalPriceSet</c> is before them).</summary>
    public ShopifyMoneyBagJson? CurrentTotalPriceSet { get; init; }

    /// <summary>The tips the buyer gave, inside the total.</summary>
    public ShopifyMoneyBagJson? TotalTipReceivedSet { get; init; }

    /// <summary>The duties the buyer paid after returns, inside the total; null when there are none.</summary>
    public ShopifyMoneyBagJson? CurrentTotalDutiesSet { get; init; }

    /// <summary>The additional fees (e.g. a retail delivery fee) after returns, inside the total; null when there are none.</summary>
    public ShopifyMoneyBagJson? CurrentTotalAdditionalFeesSet { get; init; }

    /// <summary>The shipping lines with their taxes.</summary>
    public ShopifyNodesJson<ShopifyShippingLineJson>? ShippingLines { get; init; }

    /// <summary>The payment gateways used.</summary>
    public IReadOnlyList<string>? PaymentGatewayNames { get; init; }

    /// <summary>Where it goes.</summary>
    public ShopifyAddressJson? ShippingAddress { get; init; }

    /// <summary>Who pays.</summary>
    public ShopifyAddressJson? BillingAddress { get; init; }

    /// <summary>The lines; an order read with more than one page of them holds them all (see <c>ShopifyOrderNode.WithLines</c>).</summary>
    public ShopifyNodesJson<ShopifyLineItemJson>? LineItems { get; init; }

    /// <summary>What remains to fulfil, per fulfillment order; the connector replaces a first page with all of them.</summary>
    public ShopifyNodesJson<ShopifyFulfillmentOrderJson>? FulfillmentOrders { get; set; }

    /// <summary>The fulfillments made so far.</summary>
    public IReadOnlyList<ShopifyFulfillmentJson>? Fulfillments { get; set; }
}
