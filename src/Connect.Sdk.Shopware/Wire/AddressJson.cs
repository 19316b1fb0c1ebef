namespace Connect.Sdk.Shopware.Wire;

/// <summary>An order address.</summary>
internal sealed record AddressJson(
    string? FirstName,
    string? LastName,
    string? Company,
    string? Street,
    string? AdditionalAddressLine1,
    string? Zipcode,
    string? City,
    string? PhoneNumber,
    CountryJson? Country,
    CountryStateJson? CountryState);
