namespace Connect.Sdk.Shopify.Wire;

/// <summary>An amount in the shop's and the buyer's currency.</summary>
internal sealed class ShopifyMoneyBagJson
{
    /// <summary>In the shop's currency.</summary>
    public ShopifyMoneyJson? ShopMoney { get; init; }
}
