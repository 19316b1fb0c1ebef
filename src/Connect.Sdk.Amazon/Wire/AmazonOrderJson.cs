namespace Connect.Sdk.Amazon.Wire;

/// <summary>An order of the Orders API v0 (getOrders pages, getOrder), with the fields the connector maps.</summary>
/// <remarks>Times are ISO 8601 strings and money decimal strings; the mapper converts both.</remarks>
internal sealed record AmazonOrderJson(
    string AmazonOrderId,
    string PurchaseDate,
    string LastUpdateDate,
    string OrderStatus,
    string? FulfillmentChannel = null,
    string? MarketplaceId = null,
    AmazonMoneyJson? OrderTotal = null,
    string? PaymentMethod = null,
    AmazonAddressJson? ShippingAddress = null,
    AmazonBuyerInfoJson? BuyerInfo = null);
