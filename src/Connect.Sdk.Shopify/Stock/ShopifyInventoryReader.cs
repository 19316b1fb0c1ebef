using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Shopify.Http;
using Connect.Sdk.Shopify.Wire;

namespace Connect.Sdk.Shopify.Stock;

/// <summary>
/// Reads an article's inventory item and its available quantity at the connection's location: by
/// <c>shopifyvariantid</c> through the variant, by <c>shopifyproductid</c> through the product's one default variant.
/// </summary>
internal sealed class ShopifyInventoryReader(ShopifyGraphQLClient client)
{
    /// <summary>Reads the level.</summary>
    /// <param name="session">The connection.</param>
    /// <param name="foreignNumber">The article's foreign number.</param>
    /// <param name="locationGid">The location.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The level, or why there is none to set.</returns>
    public async Task<InventoryRead> ReadAsync(ShopifySession session, ForeignNumber foreignNumber, string locationGid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (foreignNumber.Label != ForeignNumberLabel.ShopifyVariantId && foreignNumber.Label != ForeignNumberLabel.ShopifyProductId)
        {
            return InventoryRead.Refused($"'{foreignNumber.Label}' is not a Shopify label; use shopifyvariantid or shopifyproductid");
        }

        var id = foreignNumber.Value?.Trim() ?? string.Empty;
        if (!ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return InventoryRead.Refused($"the {foreignNumber.Label} '{foreignNumber.Value}' is not a Shopify id (digits only)");
        }

        if (foreignNumber.Label == ForeignNumberLabel.ShopifyVariantId)
        {
            var data = await client.SendAsync(session, ShopifyDocuments.Variant, new JsonObject { ["id"] = ShopifyGid.Of("ProductVariant", id), ["locationId"] = locationGid }, ShopifyJsonContext.Default.ShopifyResponseJsonShopifyVariantDataJson, cancellationToken).ConfigureAwait(false);
            return data.ProductVariant is { } variant
                ? LevelOf(variant, locationGid, $"variant {id}")
                : InventoryRead.Refused($"Shopify has no variant {id} (shopifyvariantid)");
        }

        var found = await client.SendAsync(session, ShopifyDocuments.Product, new JsonObject { ["id"] = ShopifyGid.Of("Product", id), ["locationId"] = locationGid }, ShopifyJsonContext.Default.ShopifyResponseJsonShopifyProductDataJson, cancellationToken).ConfigureAwait(false);
        if (found.Product is not { } product)
        {
            return InventoryRead.Refused($"Shopify has no product {id} (shopifyproductid)");
        }

        var variants = product.Variants?.Nodes ?? [];
        return variants.Count == 1
            ? LevelOf(variants[0], locationGid, $"product {id}")
            : InventoryRead.Refused($"product {id} has {(variants.Count == 0 ? "no" : "several")} variants; stock is kept per variant, so map its variants with shopifyvariantid");
    }

    private static InventoryRead LevelOf(ShopifyVariantJson variant, string locationGid, string what)
    {
        if (variant.InventoryItem is not { Id: { } itemId } item)
        {
            return InventoryRead.Refused($"Shopify shows no inventory item for {what}");
        }

        if (item.Tracked == false)
        {
            return new InventoryRead(itemId, null, $"Shopify does not track the quantity of {what}; switch on 'Track quantity' in Shopify to publish stock", IsUntracked: true);
        }

        // inventoryLevel(locationId:) reads the one level asked for, however many locations the shop has.
        if (item.InventoryLevel is not { } level)
        {
            return InventoryRead.Refused($"{what} is not stocked at location {ShopifyGid.IdOf(locationGid)}; activate its inventory there in Shopify");
        }

        var available = level.Quantities?.FirstOrDefault(q => q.Name == "available")?.Quantity;
        return available is { } quantity
            ? InventoryRead.Found(itemId, quantity)
            : InventoryRead.Refused($"Shopify shows no available quantity for {what} at location {ShopifyGid.IdOf(locationGid)}");
    }
}
