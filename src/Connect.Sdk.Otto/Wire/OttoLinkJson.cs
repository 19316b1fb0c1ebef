using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>A link of a list.</summary>
/// <param name="Rel">The relation, e.g. <c>next</c>.</param>
/// <param name="Href">The target, a path with its query.</param>
internal sealed record OttoLinkJson(
    [property: JsonPropertyName("rel")] string? Rel = null,
    [property: JsonPropertyName("href")] string? Href = null);
