namespace Connect.Sdk.Shopify.Wire;

/// <summary>The payload of <c>fulfillmentCreate</c>.</summary>
internal sealed class ShopifyFulfillmentCreatePayloadJson
{
    /// <summary>The fulfillment; null when refused.</summary>
    public ShopifyFulfillmentJson? Fulfillment { get; init; }

    /// <summary>Why it was refused.</summary>
    public IReadOnlyList<ShopifyUserErrorJson>? UserErrors { get; init; }
}
