namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>One stock update of a batch: an absolute quantity, and stock management switched on so it counts.</summary>
/// <param name="Id">The product or variation id.</param>
/// <param name="ManageStock">Always <see langword="true"/>: WooCommerce ignores a quantity on a product that does not manage stock.</param>
/// <param name="StockQuantity">The quantity.</param>
internal sealed record WooStockItemJson(long Id, bool ManageStock, int StockQuantity);
