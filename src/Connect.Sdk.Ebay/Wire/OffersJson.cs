using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>The <c>getOffers</c> answer (<c>Offers</c>): the SKU's offers.</summary>
internal sealed record OffersJson(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("offers")] IReadOnlyList<OfferJson?>? Offers);
