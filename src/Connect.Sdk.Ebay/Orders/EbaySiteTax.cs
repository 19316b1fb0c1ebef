namespace Connect.Sdk.Ebay.Orders;

/// <summary>
/// Whether an eBay order's prices include tax. In the US and Canada a listing price is net: eBay adds the sales tax at
/// checkout and collects and remits it. In Australia eBay collects and remits GST only on low-value imports from sellers
/// abroad, adding it on top of the price (an <c>ebayCollectAndRemitTaxes</c> entry of type <c>GST</c>); an Australian
/// seller registered for GST charges it in the price itself, as Australian consumer prices include GST, and eBay adds
/// none. So an order on the Australian site is net only when eBay collected a tax on it. Everywhere else (the EU, the UK,
/// Switzerland) prices shown to consumers include VAT.
/// </summary>
internal static class EbaySiteTax
{
    private static readonly HashSet<string> NetSites = new(StringComparer.Ordinal) { "EBAY_US", "EBAY_MOTORS_US", "EBAY_CA", "EBAY_ENCA" };

    private const string Australia = "EBAY_AU";

    /// <summary>Whether the order's prices include tax.</summary>
    /// <param name="marketplaceId">The lines' <c>listingMarketplaceId</c>; <see langword="null"/> counts as a European site.</param>
    /// <param name="ebayCollectedTax">Whether eBay collects and remits a tax (not a fee) on any of the order's lines.</param>
    /// <returns><see langword="false"/> on the US and Canadian sites, and on the Australian site when eBay collected the GST.</returns>
    public static bool PricesIncludeTax(string? marketplaceId, bool ebayCollectedTax) =>
        marketplaceId switch
        {
            null => true,
            Australia => !ebayCollectedTax,
            _ => !NetSites.Contains(marketplaceId),
        };
}
