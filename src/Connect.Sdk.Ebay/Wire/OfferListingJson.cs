using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>The live listing of a published offer: its listing (item) id, the <c>eBayListing</c> foreign number.</summary>
internal sealed record OfferListingJson([property: JsonPropertyName("listingId")] string? ListingId);
