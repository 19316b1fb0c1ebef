using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>An address of an OR11 customer.</summary>
internal sealed record MiraklAddressJson(
    [property: JsonPropertyName("firstname")] string? Firstname,
    [property: JsonPropertyName("lastname")] string? Lastname,
    [property: JsonPropertyName("company")] string? Company,
    [property: JsonPropertyName("street_1")] string? Street1,
    [property: JsonPropertyName("street_2")] string? Street2,
    [property: JsonPropertyName("zip_code")] string? ZipCode,
    [property: JsonPropertyName("city")] string? City,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("country_iso_code")] string? CountryIsoCode,
    [property: JsonPropertyName("phone")] string? Phone);
