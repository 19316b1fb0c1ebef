using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>An offer as <c>getOffers</c> answers it (<c>EbayOfferDetailsWithAll</c>), the fields the connector reads.</summary>
internal sealed record OfferJson(
    [property: JsonPropertyName("offerId")] string? OfferId,
    [property: JsonPropertyName("sku")] string? Sku,
    [property: JsonPropertyName("marketplaceId")] string? MarketplaceId,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("listing")] OfferListingJson? Listing);
