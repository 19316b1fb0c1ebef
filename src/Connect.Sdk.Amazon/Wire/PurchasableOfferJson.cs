using System.Text.Json.Serialization;

namespace Connect.Sdk.Amazon.Wire;

/// <summary>
/// One value of the <c>purchasable_offer</c> attribute: the offer of one marketplace and audience, in the marketplace's
/// currency, with its price as an <c>our_price</c> schedule.
/// </summary>
internal sealed record PurchasableOfferJson(
    [property: JsonPropertyName("marketplace_id")] string MarketplaceId,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("audience")] string Audience,
    [property: JsonPropertyName("our_price")] IReadOnlyList<OfferPriceJson> OurPrice);
