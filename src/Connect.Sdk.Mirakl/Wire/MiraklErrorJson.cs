using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>Mirakl's error body.</summary>
internal sealed record MiraklErrorJson(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("status")] int? Status);
