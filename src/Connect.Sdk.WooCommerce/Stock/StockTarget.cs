namespace Connect.Sdk.WooCommerce.Stock;

/// <summary>Where a SKU's stock lives in the shop: a product, or a variation of a variable product.</summary>
/// <param name="Id">The product's or variation's id.</param>
/// <param name="ParentId">The variable product of a variation; <see langword="null"/> for a product.</param>
internal sealed record StockTarget(long Id, long? ParentId)
{
    /// <summary>The batch route the target is updated through, under <c>/wp-json/wc/v3/</c>.</summary>
    public string BatchPath => ParentId is { } parent ? $"products/{parent}/variations/batch" : "products/batch";

    /// <summary>The batch route's operation name.</summary>
    public string BatchOperation => ParentId is null ? "products.batch" : "variations.batch";
}
