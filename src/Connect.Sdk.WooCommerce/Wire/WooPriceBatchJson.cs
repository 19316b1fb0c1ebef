namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>The body of <c>POST /products/batch</c> or <c>POST /products/{id}/variations/batch</c> with price updates only.</summary>
/// <param name="Update">The products or variations to update, at most 100.</param>
internal sealed record WooPriceBatchJson(IReadOnlyList<WooPriceItemJson> Update);
