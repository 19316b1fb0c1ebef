using System.Text.Json.Serialization;

namespace Connect.Sdk.Amazon.Wire;

/// <summary>Login with Amazon's OAuth 2.0 error: <c>{error, error_description}</c>, e.g. <c>invalid_grant</c>.</summary>
internal sealed record LwaErrorJson(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string? Description = null);
