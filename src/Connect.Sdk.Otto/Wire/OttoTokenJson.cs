using System.Globalization;
using System.Text.Json.Serialization;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Otto.Wire;

/// <summary>The token endpoint's answer.</summary>
/// <param name="AccessToken">The access token.</param>
/// <param name="ExpiresIn">Its lifetime in seconds.</param>
internal sealed record OttoTokenJson(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] long ExpiresIn)
{
    /// <summary>The answer without its token, which is a secret: a record's default text would show it.</summary>
    /// <returns>The lifetime, the token masked.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{nameof(OttoTokenJson)} {{ {nameof(AccessToken)} = {SecretValue.Redacted}, {nameof(ExpiresIn)} = {ExpiresIn} }}");
}
