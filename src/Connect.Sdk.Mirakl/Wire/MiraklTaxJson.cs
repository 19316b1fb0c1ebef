using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>A tax of an order line or its shipping (OR11 <c>taxes</c>, <c>shipping_taxes</c>).</summary>
internal sealed record MiraklTaxJson(
    [property: JsonPropertyName("amount")] decimal? Amount,
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("rate")] decimal? Rate);
