using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>A <c>getOrders</c> page (<c>OrderSearchPagedCollection</c>): orders, total, offset and the next page's URI.</summary>
internal sealed record EbayOrderPageJson(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("offset")] int Offset,
    [property: JsonPropertyName("next")] string? Next,
    [property: JsonPropertyName("orders")] IReadOnlyList<JsonElement>? Orders);
