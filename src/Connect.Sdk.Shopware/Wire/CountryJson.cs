namespace Connect.Sdk.Shopware.Wire;

/// <summary>A country.</summary>
internal sealed record CountryJson(string? Iso);
