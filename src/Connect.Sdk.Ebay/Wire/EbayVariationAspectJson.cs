using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>One aspect of the variation a line item sold (<c>NameValuePair</c>, e.g. size M): present only on variations.</summary>
internal sealed record EbayVariationAspectJson(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("value")] string? Value);
