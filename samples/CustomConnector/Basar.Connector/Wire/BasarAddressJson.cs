namespace Basar.Connector.Wire;

/// <summary>A billing or shipping address of a Basar order.</summary>
internal sealed record BasarAddressJson(
    string Name,
    string? Company,
    string Street,
    string? AddressLine2,
    string PostalCode,
    string City,
    string? Region,
    string CountryCode,
    string? Phone);
