namespace Connect.Sdk.Shopware.Wire;

/// <summary>A country state.</summary>
internal sealed record CountryStateJson(string? ShortCode);
