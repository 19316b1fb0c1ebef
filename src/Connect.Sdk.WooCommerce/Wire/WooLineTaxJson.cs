namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>One <c>line_items[].taxes[]</c> entry: the tax rate applied to the line.</summary>
/// <param name="Id">The tax rate id, matching <c>tax_lines[].rate_id</c>.</param>
internal sealed record WooLineTaxJson(long Id);
