using System.Text.Json;

namespace Connect.Sdk.Shopify.Wire;

/// <summary>The data of a follow-up for an order's further lines.</summary>
internal sealed class ShopifyOrderLinesDataJson
{
    /// <summary>The order with a page of its <c>lineItems</c>, as Shopify sent it; null when unknown.</summary>
    public JsonElement? Order { get; init; }
}
