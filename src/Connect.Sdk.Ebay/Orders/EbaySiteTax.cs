namespace Connect.Sdk.Ebay.Orders;

/// <summary>
/// Whether an eBay site's listing prices include tax. In the US and Canada a listing price is net: eBay adds the sales
/// tax at checkout and collects and remits it. In Australia the connector's seller lists from abroad, so eBay adds the
/// GST on top as well. Everywhere else (the EU, the UK, Switzerland) prices shown to consumers include VAT.
/// </summary>
internal static class EbaySiteTax
{
    private static readonly HashSet<string> NetSites = new(StringComparer.Ordinal) { "EBAY_US", "EBAY_MOTORS_US", "EBAY_CA", "EBAY_ENCA", "EBAY_AU" };

    /// <summary>Whether prices on the site include tax.</summary>
    /// <param name="marketplaceId">The line's <c>listingMarketplaceId</c>; <see langword="null"/> counts as a European site.</param>
    /// <returns><see langword="false"/> on the US, Canadian and Australian sites.</returns>
    public static bool PricesIncludeTax(string? marketplaceId) => marketplaceId is null || !NetSites.Contains(marketplaceId);
}
