using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Ebay.Tests.TestSupport;

/// <summary>
/// The SDK's eBay rules give a SKU to variants only (<c>eBayListing</c> for articles), while the Inventory API takes
/// stock and prices by SKU for every listing: the tests let a simple article carry its listing's SKU, as an ERP that
/// sells single-SKU listings through the Inventory API needs (docs/marketplaces/ebay.md, "Foreign numbers").
/// </summary>
internal static class EbayTestRules
{
    public static ForeignNumberRules WithSkuOnAnyArticle(ForeignNumberRules rules) =>
        rules.Without(EbayConnector.Id).With(
        [
            new ForeignNumberRule(EbayConnector.Id, ForeignNumberTarget.Article, ForeignNumberLabel.EbayListing, "eBay listing (item) id"),
            new ForeignNumberRule(EbayConnector.Id, ForeignNumberTarget.Any, ForeignNumberLabel.Sku, "eBay inventory item SKU", ForeignNumberLabel.Bestandseinheit),
        ]);
}
