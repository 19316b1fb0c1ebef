using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>The identity API's token answer: <c>{access_token, expires_in, token_type}</c>.</summary>
internal sealed record EbayTokenJson(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("token_type")] string? TokenType);
