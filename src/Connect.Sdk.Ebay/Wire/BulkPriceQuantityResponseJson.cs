using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>The <c>bulkUpdatePriceQuantity</c> answer: one result per offer or SKU updated.</summary>
internal sealed record BulkPriceQuantityResponseJson([property: JsonPropertyName("responses")] IReadOnlyList<PriceQuantityResponseJson?>? Responses);
