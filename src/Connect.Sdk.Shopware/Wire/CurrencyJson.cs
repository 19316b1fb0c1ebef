namespace Connect.Sdk.Shopware.Wire;

/// <summary>A currency.</summary>
internal sealed record CurrencyJson(string Id, string? IsoCode, CashRoundingJson? ItemRounding, CashRoundingJson? TotalRounding);
