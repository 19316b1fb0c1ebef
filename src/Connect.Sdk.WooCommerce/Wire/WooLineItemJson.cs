namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>One <c>line_items[]</c> entry of an order.</summary>
/// <param name="Id">The line id.</param>
/// <param name="Name">The product name as ordered.</param>
/// <param name="ProductId">The product; for a variation its parent.</param>
/// <param name="VariationId">The variation, 0 for a simple product.</param>
/// <param name="Quantity">The quantity.</param>
/// <param name="Subtotal">The line before discounts, without tax, as a decimal string.</param>
/// <param name="SubtotalTax">The tax of <paramref name="Subtotal"/>.</param>
/// <param name="Total">The line after discounts, without tax.</param>
/// <param name="TotalTax">The tax of <paramref name="Total"/>.</param>
/// <param name="Sku">The SKU, "" when the product has none.</param>
/// <param name="Taxes">The tax rates applied, by rate id.</param>
internal sealed record WooLineItemJson(
    long Id,
    string Name,
    long ProductId,
    long VariationId,
    int Quantity,
    string Subtotal,
    string SubtotalTax,
    string Total,
    string TotalTax,
    string? Sku = null,
    IReadOnlyList<WooLineTaxJson>? Taxes = null);
