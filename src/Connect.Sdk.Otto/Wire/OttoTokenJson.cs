using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>The token endpoint's answer.</summary>
/// <param name="AccessToken">The access token.</param>
/// <param name="ExpiresIn">Its lifetime in seconds.</param>
internal sealed record OttoTokenJson(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] long ExpiresIn);
