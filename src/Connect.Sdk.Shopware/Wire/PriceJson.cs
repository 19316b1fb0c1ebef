namespace Connect.Sdk.Shopware.Wire;

/// <summary>One entry of a product's <c>price</c>.</summary>
internal sealed record PriceJson(string CurrencyId, decimal Net, decimal Gross, bool Linked, PriceJson? ListPrice)
{
    /// <summary>The entry as written back unchanged.</summary>
    public PriceWriteJson ToWrite() => new(CurrencyId, Net, Gross, Linked, ListPrice is { } l ? new ListPriceWriteJson(l.CurrencyId, l.Net, l.Gross, l.Linked) : null);
}
