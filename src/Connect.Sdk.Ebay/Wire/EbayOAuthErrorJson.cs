using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>The identity API's refusal: OAuth 2.0's <c>{error, error_description}</c>.</summary>
internal sealed record EbayOAuthErrorJson(
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("error_description")] string? Description);
