namespace Connect.Sdk.Amazon.Wire;

/// <summary>
/// An Orders API address. Without a restricted data token Amazon leaves out the personal fields (name, street lines,
/// phone), so every field is optional.
/// </summary>
internal sealed record AmazonAddressJson(
    string? Name = null,
    string? CompanyName = null,
    string? AddressLine1 = null,
    string? AddressLine2 = null,
    string? AddressLine3 = null,
    string? City = null,
    string? StateOrRegion = null,
    string? PostalCode = null,
    string? CountryCode = null,
    string? Phone = null);
