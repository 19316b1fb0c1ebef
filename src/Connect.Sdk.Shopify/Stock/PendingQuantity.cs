using Connect.Sdk.Stock;

namespace Connect.Sdk.Shopify.Stock;

/// <summary>A quantity to set on Shopify: the update, its inventory item, and the quantity the shop showed when it was read.</summary>
/// <param name="Update">The SDK's update.</param>
/// <param name="InventoryItemId">The inventory item's GID.</param>
/// <param name="ChangeFrom">The available quantity read just before; Shopify refuses the change if it is no longer so.</param>
internal sealed record PendingQuantity(StockUpdate Update, string InventoryItemId, int ChangeFrom);
