using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>One error of OTTO's: a title such as <c>INVALID_REQUEST_PARAMETER</c>, the path it is about and a detail.</summary>
/// <param name="Title">The error's title.</param>
/// <param name="Path">The field or request path it names.</param>
/// <param name="Detail">What is wrong.</param>
internal sealed record OttoErrorJson(
    [property: JsonPropertyName("title")] string? Title = null,
    [property: JsonPropertyName("path")] string? Path = null,
    [property: JsonPropertyName("detail")] string? Detail = null);
