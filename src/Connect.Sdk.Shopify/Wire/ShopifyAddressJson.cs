namespace Connect.Sdk.Shopify.Wire;

/// <summary>A postal address.</summary>
internal sealed class ShopifyAddressJson
{
    /// <summary>Full name.</summary>
    public string? Name { get; init; }

    /// <summary>Company.</summary>
    public string? Company { get; init; }

    /// <summary>Street.</summary>
    public string? Address1 { get; init; }

    /// <summary>Second line.</summary>
    public string? Address2 { get; init; }

    /// <summary>Postal code.</summary>
    public string? Zip { get; init; }

    /// <summary>City.</summary>
    public string? City { get; init; }

    /// <summary>Region.</summary>
    public string? Province { get; init; }

    /// <summary>ISO 3166 alpha-2.</summary>
    public string? CountryCodeV2 { get; init; }

    /// <summary>Phone.</summary>
    public string? Phone { get; init; }
}
