namespace Connect.Sdk.Shopware.Wire;

/// <summary>An order's CartPrice.</summary>
internal sealed record CartPriceJson(string? TaxStatus, decimal? TotalPrice);
