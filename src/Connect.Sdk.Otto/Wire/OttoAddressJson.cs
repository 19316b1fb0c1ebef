using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>An address of an order; the country in ISO 3166-1 alpha-3.</summary>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="Street">Street.</param>
/// <param name="HouseNumber">House number.</param>
/// <param name="Addition">Addition.</param>
/// <param name="ZipCode">Postcode.</param>
/// <param name="City">City.</param>
/// <param name="CountryCode">Country, alpha-3.</param>
/// <param name="PhoneNumber">Phone.</param>
/// <param name="Email">E-mail (plain in the delivery address only).</param>
internal sealed record OttoAddressJson(
    [property: JsonPropertyName("firstName")] string? FirstName = null,
    [property: JsonPropertyName("lastName")] string? LastName = null,
    [property: JsonPropertyName("street")] string? Street = null,
    [property: JsonPropertyName("houseNumber")] string? HouseNumber = null,
    [property: JsonPropertyName("addition")] string? Addition = null,
    [property: JsonPropertyName("zipCode")] string? ZipCode = null,
    [property: JsonPropertyName("city")] string? City = null,
    [property: JsonPropertyName("countryCode")] string? CountryCode = null,
    [property: JsonPropertyName("phoneNumber")] string? PhoneNumber = null,
    [property: JsonPropertyName("email")] string? Email = null);
