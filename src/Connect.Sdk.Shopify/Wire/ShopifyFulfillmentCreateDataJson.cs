namespace Connect.Sdk.Shopify.Wire;

/// <summary>The data of <c>fulfillmentCreate</c>.</summary>
internal sealed class ShopifyFulfillmentCreateDataJson
{
    /// <summary>The mutation's payload.</summary>
    public ShopifyFulfillmentCreatePayloadJson? FulfillmentCreate { get; init; }
}
