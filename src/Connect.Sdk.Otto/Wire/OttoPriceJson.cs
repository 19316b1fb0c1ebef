using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>One product variation's price in <c>POST /v4/products/prices</c>.</summary>
/// <param name="Sku">The partner SKU.</param>
/// <param name="StandardPrice">The gross price.</param>
/// <param name="Msrp">The manufacturer's recommended price, shown struck through.</param>
internal sealed record OttoPriceJson(
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("standardPrice")] OttoAmountJson StandardPrice,
    [property: JsonPropertyName("msrp")] OttoAmountJson? Msrp = null);
