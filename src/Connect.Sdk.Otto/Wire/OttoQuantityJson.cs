using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>One SKU's available quantity in <c>POST /v1/availability/quantities</c>.</summary>
/// <param name="Sku">The partner SKU.</param>
/// <param name="Quantity">The available quantity, at least 0.</param>
internal sealed record OttoQuantityJson(
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("quantity")] int Quantity);
