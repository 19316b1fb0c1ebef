namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>An order as <c>GET /orders</c> and <c>GET /orders/{id}</c> send it (the fields the connector reads).</summary>
/// <remarks>
/// Money arrives as decimal strings ("29.35"), times as <c>*_gmt</c> strings without an offset that are UTC; the mapper
/// converts both. The site-local <c>date_created</c> is not read: it has no offset either and would be off by the
/// shop's time zone.
/// </remarks>
internal sealed record WooOrderJson(
    long Id,
    string Number,
    string Status,
    string Currency,
    string DateCreatedGmt,
    string DateModifiedGmt,
    bool PricesIncludeTax,
    string ShippingTotal,
    string ShippingTax,
    string Total,
    IReadOnlyList<WooLineItemJson> LineItems,
    WooAddressJson? Billing = null,
    WooAddressJson? Shipping = null,
    string? PaymentMethod = null,
    IReadOnlyList<WooTaxLineJson>? TaxLines = null,
    IReadOnlyList<WooFeeLineJson>? FeeLines = null);
