using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>ST11's answer: a page of shipments and the token of the next.</summary>
internal sealed record MiraklShipmentListJson(
    [property: JsonPropertyName("data")] MiraklShipmentJson[]? Data,
    [property: JsonPropertyName("next_page_token")] string? NextPageToken);
