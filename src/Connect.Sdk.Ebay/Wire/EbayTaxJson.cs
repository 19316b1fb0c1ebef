using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>A tax on a line item: its amount and type (e.g. <c>VAT</c>).</summary>
internal sealed record EbayTaxJson(
    [property: JsonPropertyName("amount")] EbayAmountJson? Amount,
    [property: JsonPropertyName("taxType")] string? TaxType);
