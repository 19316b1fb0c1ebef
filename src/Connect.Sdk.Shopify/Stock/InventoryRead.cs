namespace Connect.Sdk.Shopify.Stock;

/// <summary>What Shopify holds for one article at the configured location, or why it cannot take stock there.</summary>
/// <param name="InventoryItemId">The inventory item's GID.</param>
/// <param name="Available">The available quantity at the location.</param>
/// <param name="Problem">Why no stock can be set, or <see langword="null"/>.</param>
/// <param name="IsUntracked">Whether the problem is that Shopify does not track the item's quantities (not an error the next run can fix).</param>
internal sealed record InventoryRead(string? InventoryItemId, int? Available, string? Problem, bool IsUntracked = false)
{
    /// <summary>A level that can be set.</summary>
    /// <param name="inventoryItemId">The inventory item's GID.</param>
    /// <param name="available">The available quantity now.</param>
    /// <returns>The read.</returns>
    public static InventoryRead Found(string inventoryItemId, int available) => new(inventoryItemId, available, null);

    /// <summary>A level that cannot be set.</summary>
    /// <param name="problem">Why.</param>
    /// <returns>The read.</returns>
    public static InventoryRead Refused(string problem) => new(null, null, problem);
}
