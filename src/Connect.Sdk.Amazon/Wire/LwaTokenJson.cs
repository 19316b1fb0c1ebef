using System.Text.Json.Serialization;

namespace Connect.Sdk.Amazon.Wire;

/// <summary>Login with Amazon's answer to a token exchange: <c>{access_token, token_type, expires_in, refresh_token}</c>.</summary>
internal sealed record LwaTokenJson(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("token_type")] string? TokenType = null);
