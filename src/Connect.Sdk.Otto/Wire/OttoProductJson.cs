using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>The product of a position item.</summary>
/// <param name="Sku">The partner SKU.</param>
/// <param name="ProductTitle">The title.</param>
/// <param name="VatRate">The VAT rate in percent (19 for 19 %).</param>
internal sealed record OttoProductJson(
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("productTitle")] string? ProductTitle = null,
    [property: JsonPropertyName("vatRate")] decimal? VatRate = null);
