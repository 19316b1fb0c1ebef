namespace Connect.Sdk.Shopware.Wire;

/// <summary>One tax of a CalculatedPrice.</summary>
internal sealed record CalculatedTaxJson(decimal Tax, decimal TaxRate, decimal Price);
