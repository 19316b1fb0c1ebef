using System.Text.Json;

namespace Connect.Sdk.Shopify.Wire;

/// <summary>The data of an order list.</summary>
internal sealed class ShopifyOrdersDataJson
{
    /// <summary>
    /// One page of orders, each as Shopify sent it: an order is read on its own by the mapper, so one with a field of
    /// another type fails alone instead of the page.
    /// </summary>
    public ShopifyNodesJson<JsonElement>? Orders { get; init; }
}
