using NodaTime;

namespace Connect.Sdk.Testing.Fakes.Ebay;

/// <summary>
/// An inventory item (by SKU) with its one published offer, which is the live listing: the item's ship-to-home
/// quantity, the offer's available quantity and price, and the listing's revisions of the day.
/// </summary>
internal sealed class EbayListing
{
    public required string Sku { get; init; }

    public required string OfferId { get; init; }

    public required string ListingId { get; init; }

    /// <summary>Whether the item is one variation of a multi-variation listing (its order lines carry <c>variationAspects</c>).</summary>
    public bool IsVariation { get; init; }

    /// <summary>The inventory item's <c>shipToLocationAvailability.quantity</c>.</summary>
    public int ShipToHomeQuantity { get; set; }

    /// <summary>The offer's <c>availableQuantity</c>, or <see langword="null"/> when the offer takes the item's quantity.</summary>
    public int? AvailableQuantity { get; set; }

    public decimal Price { get; set; }

    /// <summary>The day (Pacific time) <see cref="Revisions"/> counts for.</summary>
    public LocalDate RevisionDay { get; set; }

    public int Revisions { get; set; }

    /// <summary>What buyers can buy: the smaller of the two quantities, as eBay's bulk-update guide says.</summary>
    public int ListedQuantity => AvailableQuantity is { } available ? Math.Min(available, ShipToHomeQuantity) : ShipToHomeQuantity;
}
