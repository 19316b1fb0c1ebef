namespace Connect.Sdk.Shopify.Wire;

/// <summary>A discount allocated to a line.</summary>
internal sealed class ShopifyDiscountAllocationJson
{
    /// <summary>The amount.</summary>
    public ShopifyMoneyBagJson? AllocatedAmountSet { get; init; }
}
