using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>One of eBay's errors (<c>ErrorDetailV3</c>): id, domain, category, message, long message, parameters.</summary>
internal sealed record EbayErrorJson(
    [property: JsonPropertyName("errorId")] int ErrorId,
    [property: JsonPropertyName("domain")] string? Domain,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("longMessage")] string? LongMessage,
    [property: JsonPropertyName("parameters")] IReadOnlyList<EbayErrorParameterJson>? Parameters);
