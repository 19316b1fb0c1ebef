namespace Connect.Sdk.Orders;

/// <summary>A postal address of an order (billing or shipping).</summary>
public sealed record Address
{
    /// <summary>The recipient's full name.</summary>
    public required string Name { get; init; }

    /// <summary>The company, if any.</summary>
    public string? Company { get; init; }

    /// <summary>The street and house number.</summary>
    public required string Street { get; init; }

    /// <summary>A second address line (apartment, c/o), if any.</summary>
    public string? AddressLine2 { get; init; }

    /// <summary>The postal code.</summary>
    public required string PostalCode { get; init; }

    /// <summary>The city.</summary>
    public required string City { get; init; }

    /// <summary>The state or region, if the country uses one.</summary>
    public string? Region { get; init; }

    /// <summary>The ISO 3166-1 alpha-2 country code, e.g. <c>DE</c>.</summary>
    public required string CountryCode { get; init; }

    /// <summary>A phone number, if given.</summary>
    public string? Phone { get; init; }
}
