namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>
/// One price update of a batch: both price fields and both sale dates, always, so neither a sale price nor a sale
/// schedule left from before stays.
/// </summary>
/// <param name="Id">The product or variation id.</param>
/// <param name="RegularPrice">The regular price as a decimal string, e.g. <c>"24.99"</c>.</param>
/// <param name="SalePrice">The sale price as a decimal string, or <c>""</c>, which clears it.</param>
/// <param name="DateOnSaleFrom">
/// Always <c>""</c>, which clears a scheduled start: before it WooCommerce sells at the regular price, our compare-at price.
/// The products controller sets the date only when given (<c>isset</c>, so <c>null</c> would leave it), and stores an empty
/// value as none.
/// </param>
/// <param name="DateOnSaleTo">Always <c>""</c>, which clears a scheduled end, after which WooCommerce's scheduled-sales job would remove our sale price.</param>
internal sealed record WooPriceItemJson(long Id, string RegularPrice, string SalePrice, string DateOnSaleFrom = "", string DateOnSaleTo = "");
