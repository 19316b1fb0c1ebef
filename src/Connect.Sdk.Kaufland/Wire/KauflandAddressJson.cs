namespace Connect.Sdk.Kaufland.Wire;

/// <summary>The Seller API's <c>Address</c>: names apart, the house number apart from the street.</summary>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
/// <param name="CompanyName">The company.</param>
/// <param name="Street">The street without the house number.</param>
/// <param name="HouseNumber">The house number.</param>
/// <param name="Postcode">The postal code.</param>
/// <param name="AdditionalField">Any additional information (a second address line).</param>
/// <param name="City">The city.</param>
/// <param name="Phone">The phone number.</param>
/// <param name="Country">The country, ISO 3166-1 alpha-2.</param>
internal sealed record KauflandAddressJson(
    string? FirstName,
    string? LastName,
    string? CompanyName,
    string? Street,
    string? HouseNumber,
    string? Postcode,
    string? AdditionalField,
    string? City,
    string? Phone,
    string? Country);
