using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>eBay's error envelope, <c>{errors: [...]}</c>.</summary>
internal sealed record EbayErrorListJson([property: JsonPropertyName("errors")] IReadOnlyList<EbayErrorJson>? Errors);
