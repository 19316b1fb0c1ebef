namespace Connect.Sdk.Shopware.Wire;

/// <summary>A CalculatedPrice: unit, quantity, total and the taxes in it.</summary>
internal sealed record CalculatedPriceJson(decimal? UnitPrice, int? Quantity, decimal? TotalPrice, IReadOnlyList<CalculatedTaxJson>? CalculatedTaxes);
