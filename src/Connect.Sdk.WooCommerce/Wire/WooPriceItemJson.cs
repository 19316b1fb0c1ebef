namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>One price update of a batch: both price fields, always, so a sale price left from before never stays.</summary>
/// <param name="Id">The product or variation id.</param>
/// <param name="RegularPrice">The regular price as a decimal string, e.g. <c>"24.99"</c>.</param>
/// <param name="SalePrice">The sale price as a decimal string, or <c>""</c>, which clears it.</param>
internal sealed record WooPriceItemJson(long Id, string RegularPrice, string SalePrice);
