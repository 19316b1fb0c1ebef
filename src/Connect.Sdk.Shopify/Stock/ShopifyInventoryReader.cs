using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Shopify.Catalog;
using Connect.Sdk.Shopify.Http;
using Connect.Sdk.Shopify.Wire;

namespace Connect.Sdk.Shopify.Stock;

/// <summary>
/// Reads an article's inventory item and its available quantity at the connection's location: by
/// <c>shopifyvariantid</c> through the variant, by <c>shopifyproductid</c> through the product's one default variant.
/// </summary>
internal sealed class ShopifyInventoryReader(ShopifyVariantFinder finder)
{
    private static readonly VariantReads Reads = new(ShopifyDocuments.Variant, ShopifyDocuments.Product);

    /// <summary>Reads the level.</summary>
    /// <param name="session">The connection.</param>
    /// <param name="foreignNumber">The article's foreign number.</param>
    /// <param name="locationGid">The location.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The level, or why there is none to set.</returns>
    public async Task<InventoryRead> ReadAsync(ShopifySession session, ForeignNumber foreignNumber, string locationGid, CancellationToken cancellationToken)
    {
        var found = await finder.FindAsync(session, foreignNumber, Reads, new JsonObject { ["locationId"] = locationGid }, cancellationToken).ConfigureAwait(false);
        return found.Variant is { } variant ? LevelOf(variant, locationGid, found.What) : InventoryRead.Refused(found.Problem!);
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
