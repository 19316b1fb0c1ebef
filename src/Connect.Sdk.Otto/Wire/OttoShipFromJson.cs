using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>A shipment's ship-from address.</summary>
/// <param name="City">City.</param>
/// <param name="ZipCode">Postcode.</param>
/// <param name="CountryCode">Country, alpha-3.</param>
internal sealed record OttoShipFromJson(
    [property: JsonPropertyName("city")] string City,
    [property: JsonPropertyName("zipCode")] string ZipCode,
    [property: JsonPropertyName("countryCode")] string CountryCode);
