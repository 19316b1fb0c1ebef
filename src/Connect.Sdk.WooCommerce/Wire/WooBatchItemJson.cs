namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>
/// One item of a batch answer: the saved product or variation as the REST reference's product properties render it (the
/// fields read here), or the id with an error.
/// </summary>
/// <param name="Id">The product or variation id.</param>
/// <param name="StockQuantity">The quantity saved, when the item succeeded.</param>
/// <param name="Error">Why the item was refused; <see langword="null"/> when it was saved.</param>
/// <param name="Price">The price the shop sells at now (read-only <c>price</c>), when the item succeeded.</param>
/// <param name="RegularPrice">The <c>regular_price</c> saved, when the item succeeded.</param>
/// <param name="SalePrice">The <c>sale_price</c> saved, <c>""</c> for none, when the item succeeded.</param>
internal sealed record WooBatchItemJson(
    long Id,
    int? StockQuantity = null,
    WooErrorJson? Error = null,
    string? Price = null,
    string? RegularPrice = null,
    string? SalePrice = null);
