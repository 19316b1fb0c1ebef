namespace Connect.Sdk.Shopware.Wire;

/// <summary>A currency search's answer.</summary>
internal sealed record CurrencySearchJson(IReadOnlyList<CurrencyJson> Data);
