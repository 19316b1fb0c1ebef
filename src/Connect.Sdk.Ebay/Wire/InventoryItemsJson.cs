using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>A <c>getInventoryItems</c> page: the seller's inventory items and the next page's URI.</summary>
internal sealed record InventoryItemsJson(
    [property: JsonPropertyName("next")] string? Next,
    [property: JsonPropertyName("inventoryItems")] IReadOnlyList<InventoryItemJson?>? InventoryItems);
