using System.Text.Json.Serialization;

namespace Connect.Sdk.Amazon.Wire;

/// <summary>
/// The body of a Login with Amazon token exchange, <c>{grant_type, refresh_token, client_id, client_secret}</c>, as
/// JSON the way Amazon's own LWA clients post it. It holds secrets: it prints none and is never logged.
/// </summary>
internal sealed record LwaTokenRequestJson(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("refresh_token")] string RefreshToken,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret)
{
    /// <summary>The grant type and client id, the secrets masked.</summary>
    /// <returns>E.g. <c>refresh_token for amzn1.application-oa2-client.1 (secrets masked)</c>.</returns>
    public override string ToString() => $"{GrantType} for {ClientId} (secrets masked)";
}
