using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>The <c>bulkUpdatePriceQuantity</c> request: <c>{requests: [...]}</c>, at most 25.</summary>
internal sealed record BulkPriceQuantityJson([property: JsonPropertyName("requests")] IReadOnlyList<PriceQuantityJson> Requests);
