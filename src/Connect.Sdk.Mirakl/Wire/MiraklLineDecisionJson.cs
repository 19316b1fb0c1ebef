using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>One order line of OR21: accepted or refused.</summary>
internal sealed record MiraklLineDecisionJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("accepted")] bool Accepted);
