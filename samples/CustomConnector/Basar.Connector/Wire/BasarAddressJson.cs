namespace Basar.Connector.Wire;

/// <summary>A billing or shipping address of a Basar order.</summary>
internal sealed record BasarAddressJson(
    string Name,
    string Street,
    string PostalCode,
    string City,
    string CountryCode,
    string? Company = null,
    string? AddressLine2 = null,
    string? Region = null,
    string? Phone = null);
