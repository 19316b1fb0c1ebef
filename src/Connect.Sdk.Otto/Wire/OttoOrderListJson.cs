using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>A page of <c>GET /v4/orders</c>: the orders, raw, and the links.</summary>
/// <param name="Resources">The orders, each mapped on its own.</param>
/// <param name="Links">The links; <c>next</c> names the next page.</param>
internal sealed record OttoOrderListJson(
    [property: JsonPropertyName("resources")] System.Text.Json.JsonElement[]? Resources = null,
    [property: JsonPropertyName("links")] OttoLinkJson?[]? Links = null);
