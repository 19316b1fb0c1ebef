using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>A parameter of an eBay error, naming a field and its value.</summary>
internal sealed record EbayErrorParameterJson(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("value")] string? Value);
