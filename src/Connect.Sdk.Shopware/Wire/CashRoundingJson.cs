namespace Connect.Sdk.Shopware.Wire;

/// <summary>A CashRoundingConfig (<c>itemRounding</c>, <c>totalRounding</c>): the decimals Shopware rounds amounts to.</summary>
internal sealed record CashRoundingJson(int? Decimals);
