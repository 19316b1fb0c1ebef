namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <summary>The GIDs a seeded variant has on the Shopify fake, as the API shows them.</summary>
/// <param name="VariantId">The variant, <c>gid://shopify/ProductVariant/…</c>.</param>
/// <param name="ProductId">Its product, <c>gid://shopify/Product/…</c>.</param>
/// <param name="InventoryItemId">Its inventory item, <c>gid://shopify/InventoryItem/…</c>, which inventory mutations name.</param>
public sealed record ShopifyVariantIds(string VariantId, string ProductId, string InventoryItemId);
