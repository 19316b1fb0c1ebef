using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>eBay's <c>Address</c>.</summary>
internal sealed record EbayAddressJson(
    [property: JsonPropertyName("addressLine1")] string? AddressLine1,
    [property: JsonPropertyName("addressLine2")] string? AddressLine2,
    [property: JsonPropertyName("city")] string? City,
    [property: JsonPropertyName("stateOrProvince")] string? StateOrProvince,
    [property: JsonPropertyName("postalCode")] string? PostalCode,
    [property: JsonPropertyName("countryCode")] string? CountryCode);
