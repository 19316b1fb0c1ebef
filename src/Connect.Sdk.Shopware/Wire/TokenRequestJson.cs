using System.Text.Json.Serialization;

namespace Connect.Sdk.Shopware.Wire;

/// <summary>The token request of the client-credentials grant.</summary>
internal sealed record TokenRequestJson(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret)
{
    /// <summary>The grant and the client id only: a record's own <c>ToString</c> would print the secret.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"TokenRequestJson {{ GrantType = {GrantType}, ClientId = {ClientId}, ClientSecret = *** }}";
}
