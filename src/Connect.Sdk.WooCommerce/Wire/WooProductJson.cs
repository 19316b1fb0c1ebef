namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>A product or variation as <c>GET /products?sku=…</c> lists it (the fields the connector reads).</summary>
/// <param name="Id">The product's or variation's id.</param>
/// <param name="Sku">Its SKU.</param>
/// <param name="Type"><c>simple</c>, <c>variable</c>, <c>variation</c>, …</param>
/// <param name="ParentId">For a variation, its variable product; 0 otherwise.</param>
/// <param name="ManageStock">Whether WooCommerce keeps a quantity for it.</param>
/// <param name="StockQuantity">The quantity, when managed.</param>
internal sealed record WooProductJson(long Id, string Sku, string Type, long ParentId = 0, bool ManageStock = false, int? StockQuantity = null);
