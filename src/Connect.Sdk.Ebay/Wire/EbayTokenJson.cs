using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>The identity API's token answer: <c>{access_token, expires_in, token_type}</c>; its text masks the token.</summary>
internal sealed record EbayTokenJson(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("token_type")] string? TokenType)
{
    /// <summary>The answer without the token: a record would otherwise print it into a log line or a debugger.</summary>
    /// <returns>The lifetime and type, the token masked.</returns>
    public override string ToString() => $"{nameof(EbayTokenJson)} {{ AccessToken = {Settings.SecretValue.Redacted}, ExpiresIn = {ExpiresIn}, TokenType = {TokenType} }}";
}
