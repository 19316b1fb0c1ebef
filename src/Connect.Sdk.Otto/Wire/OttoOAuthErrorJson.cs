using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>The token endpoint's refusal, OAuth 2.0's error shape (RFC 6749 §5.2).</summary>
/// <param name="Error">The error code, e.g. <c>invalid_client</c>.</param>
/// <param name="Description">Its description.</param>
internal sealed record OttoOAuthErrorJson(
    [property: JsonPropertyName("error")] string? Error = null,
    [property: JsonPropertyName("error_description")] string? Description = null);
