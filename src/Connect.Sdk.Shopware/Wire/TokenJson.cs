using System.Text.Json.Serialization;

namespace Connect.Sdk.Shopware.Wire;

/// <summary>The token answer: <c>{token_type, expires_in, access_token}</c>.</summary>
internal sealed record TokenJson(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn)
{
    /// <summary>The lifetime only: a record's own <c>ToString</c> would print the bearer token.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"TokenJson {{ AccessToken = ***, ExpiresIn = {ExpiresIn} }}";
}
