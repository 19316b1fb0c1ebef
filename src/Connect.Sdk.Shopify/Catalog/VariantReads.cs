using Connect.Sdk.Shopify.Http;

namespace Connect.Sdk.Shopify.Catalog;

/// <summary>The two documents that find an article's variant, each selecting what its feature needs.</summary>
/// <param name="ByVariant">Reads <c>productVariant(id: $id)</c>.</param>
/// <param name="ByProduct">Reads <c>product(id: $id)</c> with <c>variants(first: 2)</c>, to tell a product without options.</param>
internal sealed record VariantReads(ShopifyOperation ByVariant, ShopifyOperation ByProduct);
