namespace Connect.Sdk.WooCommerce.Stock;

/// <summary>Where a SKU's stock lives in the shop: a product, or a variation of a variable product.</summary>
/// <param name="Id">The product's or variation's id.</param>
/// <param name="ParentId">The variable product of a variation; <see langword="null"/> for a product.</param>
/// <param name="Type">WooCommerce's product <c>type</c>: <c>simple</c>, <c>variable</c>, <c>grouped</c>, <c>variation</c>, …</param>
internal sealed record StockTarget(long Id, long? ParentId, string Type)
{
    /// <summary>
    /// Whether WooCommerce keeps no price of its own for the target: a variable or grouped product, whose price its
    /// variations or grouped products make. The REST products controller clears the prices of such a product on every
    /// write and still answers success (<c>prepare_object_for_database</c>).
    /// </summary>
    public bool PricedByItsChildren => Type is "variable" or "grouped";

    /// <summary>The batch route the target is updated through, under <c>/wp-json/wc/v3/</c>.</summary>
    public string BatchPath => ParentId is { } parent ? $"products/{parent}/variations/batch" : "products/batch";

    /// <summary>The batch route's operation name.</summary>
    public string BatchOperation => ParentId is null ? "products.batch" : "variations.batch";
}
