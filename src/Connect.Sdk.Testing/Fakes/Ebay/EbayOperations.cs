namespace Connect.Sdk.Testing.Fakes.Ebay;

/// <summary>
/// The operation names the eBay fake logs requests under and the fault plan matches: eBay's own method names from
/// its API reference.
/// </summary>
public static class EbayOperations
{
    /// <summary><c>POST /identity/v1/oauth2/token</c>: a refresh token for a user access token.</summary>
    public const string Token = "identity.token";

    /// <summary><c>POST /sell/inventory/v1/bulk_update_price_quantity</c> (bulkUpdatePriceQuantity).</summary>
    public const string BulkUpdatePriceQuantity = "inventory.bulkUpdatePriceQuantity";

    /// <summary><c>GET /sell/inventory/v1/offer?sku=</c> (getOffers).</summary>
    public const string GetOffers = "inventory.getOffers";

    /// <summary><c>GET /sell/inventory/v1/inventory_item</c> (getInventoryItems).</summary>
    public const string GetInventoryItems = "inventory.getInventoryItems";

    /// <summary><c>GET /sell/fulfillment/v1/order</c> (getOrders).</summary>
    public const string GetOrders = "fulfillment.getOrders";

    /// <summary><c>GET /sell/fulfillment/v1/order/{orderId}</c> (getOrder).</summary>
    public const string GetOrder = "fulfillment.getOrder";

    /// <summary><c>POST /sell/fulfillment/v1/order/{orderId}/shipping_fulfillment</c> (createShippingFulfillment).</summary>
    public const string CreateShippingFulfillment = "fulfillment.createShippingFulfillment";

    /// <summary><c>GET /sell/fulfillment/v1/order/{orderId}/shipping_fulfillment</c> (getShippingFulfillments).</summary>
    public const string GetShippingFulfillments = "fulfillment.getShippingFulfillments";

    /// <summary><c>GET /commerce/notification/v1/public_key/{public_key_id}</c> (getPublicKey).</summary>
    public const string GetPublicKey = "notification.getPublicKey";
}
