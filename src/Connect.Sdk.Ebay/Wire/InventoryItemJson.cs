using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>An inventory item of a <c>getInventoryItems</c> page: its SKU.</summary>
internal sealed record InventoryItemJson([property: JsonPropertyName("sku")] string? Sku);
