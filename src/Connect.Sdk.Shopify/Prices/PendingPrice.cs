using Connect.Sdk.Prices;

namespace Connect.Sdk.Shopify.Prices;

/// <summary>A price ready to send: the update with the variant it sets and that variant's product.</summary>
/// <param name="Update">The update.</param>
/// <param name="VariantGid">The variant's GID.</param>
/// <param name="ProductGid">Its product's GID (<c>productVariantsBulkUpdate</c> takes one product a call).</param>
internal sealed record PendingPrice(PriceUpdate Update, string VariantGid, string ProductGid);
