using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>OR11's answer: a page of orders, kept raw so that one unreadable order fails alone, and the total count.</summary>
internal sealed record MiraklOrderListJson(
    [property: JsonPropertyName("orders")] JsonElement[] Orders,
    [property: JsonPropertyName("total_count")] int? TotalCount);
