using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>One SKU a quantity update refused.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Message">Why.</param>
internal sealed record OttoValidationErrorJson(
    [property: JsonPropertyName("sku")] string? Sku = null,
    [property: JsonPropertyName("message")] string? Message = null);
