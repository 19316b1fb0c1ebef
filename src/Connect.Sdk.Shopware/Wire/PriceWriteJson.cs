using System.Text.Json.Serialization;

namespace Connect.Sdk.Shopware.Wire;

/// <summary>A <c>price</c> entry as written: <c>listPrice</c> is always sent, null to clear it.</summary>
internal sealed record PriceWriteJson(
    string CurrencyId,
    decimal Net,
    decimal Gross,
    bool Linked,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] ListPriceWriteJson? ListPrice);
