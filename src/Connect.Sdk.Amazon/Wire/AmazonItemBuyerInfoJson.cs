namespace Connect.Sdk.Amazon.Wire;

/// <summary>
/// An order item's <c>BuyerInfo</c> (the model's <c>ItemBuyerInfo</c>): the gift wrap the buyer paid for. Its other
/// fields (a gift message, Amazon Custom details) are restricted data the connector does not read.
/// </summary>
/// <param name="GiftWrapPrice">The gift wrap price of the item.</param>
/// <param name="GiftWrapTax">The tax on the gift wrap price.</param>
internal sealed record AmazonItemBuyerInfoJson(AmazonMoneyJson? GiftWrapPrice = null, AmazonMoneyJson? GiftWrapTax = null);
