namespace Connect.Sdk.Shopware.Wire;

/// <summary>A product's tax.</summary>
internal sealed record TaxJson(decimal TaxRate);
