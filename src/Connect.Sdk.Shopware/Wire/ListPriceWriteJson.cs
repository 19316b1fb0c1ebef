namespace Connect.Sdk.Shopware.Wire;

/// <summary>A list price as written.</summary>
internal sealed record ListPriceWriteJson(string CurrencyId, decimal Net, decimal Gross, bool Linked);
