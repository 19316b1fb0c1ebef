namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <summary>The GIDs a seeded order has on the Shopify fake, as the API shows them.</summary>
/// <param name="OrderId">The order, <c>gid://shopify/Order/…</c>.</param>
/// <param name="FulfillmentOrderId">Its first fulfillment order (its only one unless the order was seeded split), <c>gid://shopify/FulfillmentOrder/…</c>, which <c>fulfillmentCreate</c> names.</param>
public sealed record ShopifyOrderIds(string OrderId, string FulfillmentOrderId);
